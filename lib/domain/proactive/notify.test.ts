import { describe, expect, it } from "vitest";
import { actorWith } from "@/lib/testing/actor";
import { ROLE, type Role } from "../auth/roles";
import { canNotifyCustomers, NOTIFY_MAX_CASES, notifySchema, notifySummary } from "./notify";

const ok = { cases: "CS0001001, CS0001002 CS0001001", message: " Hello ", requestId: "req-12345678" };

describe("Notify Customers input and answer (PRO-3)", () => {
  it("PRO-3: case numbers are split, de-duplicated and the message trimmed", () => {
    expect(notifySchema.parse(ok)).toEqual({ ...ok, cases: ["CS0001001", "CS0001002"], message: "Hello" });
  });

  it("PRO-3: a missing message, no cases, too many cases or a bad number is refused naming the field", () => {
    const issue = (input: object) => notifySchema.safeParse({ ...ok, ...input }).error?.issues[0];
    expect(issue({ message: "  " })).toMatchObject({ path: ["message"], message: "Message is required." });
    expect(issue({ cases: "" })).toMatchObject({ path: ["cases"], message: "Select at least one case." });
    expect(issue({ cases: "INC0001" })?.path[0]).toBe("cases");
    const many = Array.from({ length: NOTIFY_MAX_CASES + 1 }, (_, i) => `CS${i}`).join(",");
    expect(issue({ cases: many })).toMatchObject({
      path: ["cases"],
      message: "Notify at most 2,000 cases at once.",
    });
    expect(issue({ requestId: "x" })?.path[0]).toBe("requestId");
  });

  it("PRO-3: the answer counts cases, emails and skipped cases with reasons", () => {
    expect(
      notifySummary({
        notified: 3,
        children: 0,
        emails: 2,
        noEmail: 1,
        already: 0,
        skipped: { closed: 1, notVisible: 1 },
      }),
    ).toBe(
      "Notified 3 cases; 2 emails queued; 2 skipped (1 Closed or Cancelled, 1 not found or not visible); " +
        "1 case without a customer email got the comment only.",
    );
    expect(
      notifySummary({
        notified: 1,
        children: 0,
        emails: 1,
        noEmail: 0,
        already: 0,
        skipped: { closed: 0, notVisible: 0 },
      }),
    ).toBe("Notified 1 case; 1 email queued; 0 skipped.");
    // A selected major case brings children nobody ticked: the answer says so.
    const major = { notified: 5, emails: 4, noEmail: 0, already: 0, skipped: { closed: 0, notVisible: 0 } };
    expect(notifySummary({ ...major, children: 4 })).toBe(
      "Notified 5 cases (4 children of a selected major case); 4 emails queued; 0 skipped.",
    );
    expect(notifySummary({ ...major, notified: 2, emails: 1, children: 1 })).toMatch(
      /^Notified 2 cases \(1 child of a selected major case\);/,
    );
  });
});

describe("who notifies customers (PRO-3)", () => {
  it("PRO-3: agents, managers, itil users and admins notify; incident readers and external users do not", () => {
    const as = (kind: "internal" | "contact", ...roles: Role[]) => canNotifyCustomers(actorWith(roles, kind));
    expect([ROLE.agent, ROLE.manager, ROLE.itil, ROLE.admin].map((r) => as("internal", r))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(as("internal", ROLE.incidentRead, ROLE.incidentWrite)).toBe(false);
    expect(as("contact", ROLE.customerAdmin, ROLE.external)).toBe(false);
  });
});
