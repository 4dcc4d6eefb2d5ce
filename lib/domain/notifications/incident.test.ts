import { describe, expect, it } from "vitest";
import { IncidentState as S } from "../records/choices";
import { mailFor, openedMail, suppressCallerMail } from "./incident";

const incident = { number: "INC0010009", shortDescription: "Mail queue" };
const record = { table: "incident" as const, id: 9, number: "INC0010009" };
const upd = (from: number, to: number, extra: Record<string, unknown> = {}) => ({
  type: "update" as const,
  record,
  version: 2,
  before: { state: from },
  after: { state: to, ...extra },
});

describe("incident caller email (INC-7)", () => {
  it("INC-7: opened, on hold, resolved and commented send mail; other changes do not", () => {
    expect(openedMail(incident).event).toBe("opened");
    expect(mailFor(upd(S.New, S.OnHold, { onHoldReason: 1 }), incident)).toMatchObject({
      event: "on_hold",
      body: "Incident INC0010009 is on hold (Awaiting Caller).",
    });
    expect(mailFor(upd(S.OnHold, S.Resolved, { resolutionNotes: "done" }), incident)?.event).toBe("resolved");
    expect(mailFor({ type: "comment", record, entryId: 1, body: "hi", author: "Ian" }, incident)?.event).toBe(
      "commented",
    );
    expect(mailFor(upd(S.New, S.InProgress), incident)).toBeNull();
    expect(mailFor(upd(S.New, S.New), incident)).toBeNull();
  });

  it("INC-7: suppressed only for an external caller of an incident linked to a case", () => {
    expect(suppressCallerMail("contact", true)).toBe(true);
    expect(suppressCallerMail("consumer", true)).toBe(true);
    expect(suppressCallerMail("internal", true)).toBe(false);
    expect(suppressCallerMail("contact", false)).toBe(false);
    expect(suppressCallerMail(null, true)).toBe(false);
  });
});
