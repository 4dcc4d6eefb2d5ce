import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAgent, makeCase, makeCustomer } from "@/lib/testing/fixtures";
import { getCaseView } from "./view";
import { runCaseAction, updateCase } from "./write";

describe("Awaiting Info only through Request Info (NOT-1, §1)", () => {
  it("NOT-1: a State edit to Awaiting Info is refused, naming Request Info; nothing changes, nobody is emailed", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const c = await makeCase(agent, { accountId: account.id, contactId: contact.id });
    await runCaseAction(agent, c.number, { action: "accept", version: c.version });
    const mails = await db().outboxMessage.count();

    await expect(
      updateCase(agent, c.number, { version: c.version + 1, state: CaseState.AwaitingInfo, priority: 2 }),
    ).rejects.toMatchObject({
      field: "state",
      message:
        "Awaiting Info is set by Request Info, which asks the customer a question: press Request Info instead.",
    });
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect([row.state, row.priority, row.version]).toEqual([CaseState.Open, c.priority, c.version + 1]);
    expect(await db().outboxMessage.count()).toBe(mails);

    // The form offers what it may do: Open, Resolved, Cancelled — and Awaiting Info once it is the state.
    const labels = async () =>
      (await getCaseView(agent, c.number, { opened: false })).states.map((s) => s.label);
    expect(await labels()).toEqual(["Open", "Resolved", "Cancelled"]);
    await runCaseAction(agent, c.number, {
      action: "request_info",
      version: c.version + 1,
      question: "Which site?",
    });
    expect(await labels()).toEqual(["Open", "Awaiting Info", "Cancelled"]);
    // Staying in Awaiting Info while saving another field is no State edit.
    await updateCase(agent, c.number, { version: c.version + 2, state: CaseState.AwaitingInfo, priority: 2 });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).priority).toBe(2);
  });

  it("NOT-1: Request Info with no contact or consumer, or a deactivated one, is refused under Question; nothing changes", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    for (const [parties, message] of [
      [{}, "Nobody would get this question: the case has no contact or consumer. Set one in Details first."],
      [
        { accountId: account.id, contactId: contact.id },
        "Nobody would get this question: the case's contact or consumer is deactivated. " +
          "Set an active one in Details first.",
      ],
    ] as const) {
      const c = await makeCase(agent, parties);
      await runCaseAction(agent, c.number, { action: "accept", version: c.version });
      // Deactivated after it was set: the case keeps it, but nobody would read the question.
      if (c.contactId) await db().user.update({ where: { id: contact.id }, data: { active: false } });
      const outbox = await db().outboxMessage.count();
      await expect(
        runCaseAction(agent, c.number, {
          action: "request_info",
          version: c.version + 1,
          question: "Which site?",
        }),
      ).rejects.toMatchObject({ field: "question", message });
      const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
      expect([row.state, row.version]).toEqual([CaseState.Open, c.version + 1]);
      expect(
        await db().journalEntry.count({ where: { table: TABLE.case, recordId: c.id, kind: "comments" } }),
      ).toBe(0);
      expect(await db().outboxMessage.count()).toBe(outbox);
    }
  });
});
