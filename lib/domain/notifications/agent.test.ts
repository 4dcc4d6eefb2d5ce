import { describe, expect, it } from "vitest";
import { ROLE, type Actor } from "../auth/roles";
import { DomainError } from "../errors";
import { parseOrThrow } from "../validation";
import { agentNotificationsFor, agentNotificationSchema, canChooseAgentNotifications } from "./agent";

const actor = (kind: Actor["kind"], roles: string[]): Actor => ({
  id: 1,
  name: "A",
  email: "a@example.com",
  kind,
  accountId: null,
  roles,
});

const fieldsOf = (input: unknown) => {
  try {
    parseOrThrow(agentNotificationSchema, input);
  } catch (e) {
    return e instanceof DomainError ? e.fields : "not a domain error";
  }
  return null;
};

describe("agent notification preferences (NOT-2)", () => {
  it("NOT-2: a kind and on/off, from a form or from code", () => {
    expect(parseOrThrow(agentNotificationSchema, { kind: "assigned", enabled: "false" })).toEqual({
      kind: "assigned",
      enabled: false,
    });
    expect(parseOrThrow(agentNotificationSchema, { kind: "customer_replied", enabled: true })).toEqual({
      kind: "customer_replied",
      enabled: true,
    });
  });

  it("NOT-2: an unknown kind or a bad on/off is refused naming the field", () => {
    expect(fieldsOf({ kind: "sla_breached", enabled: "true" })).toEqual({
      kind:
        "Notification must be one of: Assigned to me, Customer replied, SLA warnings, " +
        "Major case proposed, Major case decided.",
    });
    expect(fieldsOf({ enabled: "true" })).toEqual({ kind: "Notification is required." });
    expect(fieldsOf({ kind: "assigned", enabled: "yes" })).toEqual({ enabled: "On must be true or false." });
  });

  it("NOT-2: internal users with an internal role choose; customers and role-less users do not", () => {
    expect(canChooseAgentNotifications(actor("internal", [ROLE.agent]))).toBe(true);
    expect(canChooseAgentNotifications(actor("internal", [ROLE.itil]))).toBe(true);
    expect(canChooseAgentNotifications(actor("internal", []))).toBe(false);
    expect(canChooseAgentNotifications(actor("contact", [ROLE.customer, ROLE.external]))).toBe(false);
  });

  it("NOT-2 / MAJ-1: Major case proposed is offered to those who decide on candidates, and only to them", () => {
    const kinds = (a: Actor) => agentNotificationsFor(a).map((n) => n.kind);
    expect(kinds(actor("internal", [ROLE.agent]))).toEqual([
      "assigned",
      "customer_replied",
      "sla",
      "major_decided",
    ]);
    // Major case decided: for those who can propose (case writers); an ITIL fulfiller cannot.
    expect(kinds(actor("internal", [ROLE.itil]))).toEqual(["assigned", "customer_replied", "sla"]);
    expect(kinds(actor("internal", [ROLE.majorIssueManager]))).not.toContain("major_proposed"); // no itil
    expect(kinds(actor("internal", [ROLE.majorIssueManager, ROLE.itil]))).toContain("major_proposed");
    expect(kinds(actor("internal", [ROLE.admin]))).toContain("major_proposed");
  });
});
