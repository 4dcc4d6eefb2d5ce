import { describe, expect, it } from "vitest";
import { ROLE, type Actor } from "../auth/roles";
import { refusal } from "@/lib/testing/refusal";
import { externalScope, requireExternalScope, ownCasePartner } from "./external";

const actor = (kind: Actor["kind"], roles: string[], accountId: number | null = 7): Actor => ({
  id: 3,
  name: "x",
  email: "x@y",
  kind,
  accountId,
  roles,
});
const contact = (...roles: string[]) => actor("contact", [...roles, ROLE.external]);

describe("external scope clauses (ROLE-3)", () => {
  it("ROLE-3: a customer sees the cases where they are the contact", () => {
    expect(externalScope(contact(ROLE.customer))).toEqual([{ by: "contact", userId: 3 }]);
  });

  it("ROLE-3: a customer admin sees every case of their account", () => {
    expect(externalScope(contact(ROLE.customerAdmin))).toEqual([{ by: "account", accountId: 7 }]);
  });

  it("ROLE-3: a partner sees the cases where they are the partner contact", () => {
    expect(externalScope(contact(ROLE.partner))).toEqual([
      { by: "partnerContact", userId: 3, partnerAccountId: 7 },
    ]);
  });

  it("ROLE-3: a partner admin sees the related accounts' cases and their own account's", () => {
    expect(externalScope(contact(ROLE.partnerAdmin))).toEqual([
      { by: "relatedAccounts", partnerAccountId: 7 },
      { by: "account", accountId: 7 },
    ]);
  });

  it("ROLE-3: a consumer sees their own cases", () => {
    expect(externalScope(actor("consumer", [ROLE.consumer, ROLE.external], null))).toEqual([
      { by: "consumer", userId: 3 },
    ]);
  });

  it("ROLE-3: several roles give the union, each clause once", () => {
    const clauses = externalScope(
      contact(ROLE.customer, ROLE.customerAdmin, ROLE.partner, ROLE.partnerAdmin),
    );
    expect(clauses).toEqual([
      { by: "contact", userId: 3 },
      { by: "partnerContact", userId: 3, partnerAccountId: 7 },
      { by: "relatedAccounts", partnerAccountId: 7 },
      { by: "account", accountId: 7 },
    ]);
  });

  it("ROLE-3: account roles need an account, and a consumer never gets an account's cases", () => {
    expect(externalScope(actor("contact", [ROLE.customerAdmin, ROLE.partnerAdmin], null))).toEqual([]);
    expect(externalScope(actor("consumer", [ROLE.consumer, ROLE.customerAdmin, ROLE.customer]))).toEqual([
      { by: "consumer", userId: 3 },
    ]);
  });

  it("ROLE-3: internal users and external users without a portal role have no clause and are refused", () => {
    const internal = actor("internal", [ROLE.admin, ROLE.customerAdmin]);
    expect(externalScope(internal)).toEqual([]);
    expect(refusal(() => requireExternalScope(internal)).kind).toBe("forbidden");
    const roleless = contact();
    expect(externalScope(roleless)).toEqual([]);
    expect(refusal(() => requireExternalScope(roleless)).kind).toBe("forbidden");
    expect(refusal(() => requireExternalScope(null)).kind).toBe("unauthenticated");
    expect(requireExternalScope(contact(ROLE.customer))).toEqual([{ by: "contact", userId: 3 }]);
  });

  it("ROLE-3: a partner's own case names them as partner contact with their account; nobody else's does", () => {
    const person = (kind: string, roles: string[], accountId: number | null = 9) => ({
      id: 3,
      kind,
      accountId,
      roles,
    });
    expect(ownCasePartner(person("contact", [ROLE.partner]))).toEqual({ partnerId: 9, partnerContactId: 3 });
    expect(ownCasePartner(person("contact", [ROLE.partnerAdmin]))).toEqual({
      partnerId: 9,
      partnerContactId: 3,
    });
    expect(ownCasePartner(person("contact", [ROLE.customer, ROLE.customerAdmin]))).toEqual({});
    expect(ownCasePartner(person("contact", [ROLE.partner], null))).toEqual({});
    expect(ownCasePartner(person("consumer", [ROLE.partner]))).toEqual({});
  });
});
