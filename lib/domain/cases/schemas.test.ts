import { describe, expect, it } from "vitest";
import { refusal } from "@/lib/testing/refusal";
import { parseOrThrow } from "../validation";
import { caseListSchema, caseUpdateSchema, newCaseSchema } from "./schemas";
import { incidentListSchema } from "../incidents/schemas";

describe("case input validation (REL-1)", () => {
  it("REL-1: a 5,000-character short description names the field and its limit", () => {
    const e = refusal(() => parseOrThrow(newCaseSchema, { shortDescription: "x".repeat(5000) }));
    expect(e.field).toBe("shortDescription");
    expect(e.message).toBe("Short description must be at most 160 characters (it has 5,000).");
  });

  it("REL-1: a missing short description is named", () => {
    expect(refusal(() => parseOrThrow(newCaseSchema, { shortDescription: "   " })).fields).toEqual({
      shortDescription: "Short description is required.",
    });
  });

  it("REL-1: bad choice values and references are named, all at once", () => {
    const e = refusal(() =>
      parseOrThrow(newCaseSchema, {
        shortDescription: "ok",
        priority: "9",
        accountId: "abc",
        channel: "fax",
      }),
    );
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(["accountId", "channel", "priority"]);
    expect(e.fields?.priority).toMatch(/^Priority must be one of: 1 - Critical/);
  });

  it("blank form values mean 'none'; numbers arrive as text", () => {
    expect(
      parseOrThrow(newCaseSchema, {
        shortDescription: " Printer ",
        priority: "2",
        accountId: "",
        contactId: "7",
      }),
    ).toMatchObject({
      shortDescription: "Printer",
      priority: 2,
      accountId: null,
      contactId: 7,
      channel: "phone",
      impact: 3,
    });
  });

  it("REL-1: references and versions beyond 32-bit integers are refused naming the field, not passed to the database", () => {
    expect(
      refusal(() => parseOrThrow(newCaseSchema, { shortDescription: "x", accountId: "2147483648" })).fields,
    ).toEqual({ accountId: "Account is not a valid reference." });
    expect(refusal(() => parseOrThrow(caseUpdateSchema, { version: "1e12" })).field).toBe("version");
    expect(
      refusal(() => parseOrThrow(newCaseSchema, { shortDescription: "x", contactId: "1.5" })).field,
    ).toBe("contactId");
  });

  it("REC-6: a save without its version is refused", () => {
    expect(refusal(() => parseOrThrow(caseUpdateSchema, { shortDescription: "x" })).field).toBe("version");
  });

  it("WRK-4 / REL-1: a Contains text over 100 characters keeps its first 100 instead of dropping the filter", () => {
    const long = "printer " + "x".repeat(200);
    for (const schema of [caseListSchema, incidentListSchema]) {
      expect(schema.parse({ q: long }).q).toBe(long.slice(0, 100));
      expect(schema.parse({ q: "  VPN\u0000 " }).q).toBe("VPN");
      expect(schema.parse({ q: ["a", "b"] }).q).toBeUndefined();
    }
  });

  it("WRK-4 / REL-1: a state filter outside the list's choices (a number past the column's range) is dropped", () => {
    for (const schema of [caseListSchema, incidentListSchema]) {
      for (const state of ["99999999999", "1".repeat(40), "0", "999", "-1", "1e3"])
        expect(schema.parse({ state }).state, state).toBeUndefined();
      for (const state of ["open", "all", "1"]) expect(schema.parse({ state }).state).toBe(state);
    }
    expect(caseListSchema.parse({ state: "10" }).state).toBe("10"); // Open
    expect(caseListSchema.parse({ state: "18" }).state).toBe("18"); // Awaiting Info
  });
});
