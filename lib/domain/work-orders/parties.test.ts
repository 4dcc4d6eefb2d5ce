import { describe, expect, it } from "vitest";
import { withDerivedParties } from "./parties";

describe("Account → Company, Contact → Caller (FSM-2)", () => {
  it("FSM-2: setting Account sets Company and setting Contact sets Caller on an existing work order", () => {
    const current = { accountId: 1, companyId: 1, contactId: 5, callerId: 5 };
    expect(withDerivedParties(current, { accountId: 2, contactId: 6 })).toEqual({
      accountId: 2,
      companyId: 2,
      contactId: 6,
      callerId: 6,
    });
    // Even when the same save sends the old Company: the Account wins.
    expect(withDerivedParties(current, { accountId: 2, companyId: 1 })).toMatchObject({ companyId: 2 });
    expect(withDerivedParties(current, { accountId: null })).toMatchObject({ companyId: null });
  });

  it("FSM-2: an unchanged Account leaves a Company edit alone", () => {
    const current = { accountId: 1, companyId: 1, contactId: null, callerId: null };
    expect(withDerivedParties(current, { accountId: 1, companyId: 3 })).toEqual({
      accountId: 1,
      companyId: 3,
    });
    expect(withDerivedParties(current, { shortDescription: "x" })).toEqual({ shortDescription: "x" });
  });

  it("FSM-2: on creation Company and Caller follow Account and Contact, whatever else the patch says", () => {
    expect(withDerivedParties(null, { accountId: 4, contactId: 8 })).toMatchObject({
      companyId: 4,
      callerId: 8,
    });
    expect(withDerivedParties(null, { accountId: 4, companyId: 9 })).toMatchObject({ companyId: 4 });
  });
});
