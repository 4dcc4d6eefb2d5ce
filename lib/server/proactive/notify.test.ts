import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAgent, makeCase, makeCustomer, makeItil, makeUser } from "@/lib/testing/fixtures";
import { runCaseAction } from "../cases/write";
import { notifyCustomers } from "./notify";

type Agent = Awaited<ReturnType<typeof makeAgent>>;

async function world(agent: Agent) {
  const withContact = async () => {
    const { account, contact } = await makeCustomer();
    return makeCase(agent, { accountId: account.id, contactId: contact.id });
  };
  const consumer = await makeUser([ROLE.consumer], { kind: "consumer" });
  const cases = {
    a: await withContact(),
    b: await withContact(),
    consumer: await makeCase(agent, { consumerId: consumer.id }),
    bare: await makeCase(agent),
    cancelled: await withContact(),
  };
  await runCaseAction(agent, cases.cancelled.number, { action: "cancel", version: 1 });
  return cases;
}

const comments = (ids: number[]) =>
  db().journalEntry.findMany({ where: { table: TABLE.case, recordId: { in: ids }, kind: "comments" } });
const mails = (ids: number[]) =>
  // The comment emails (a case opened for a customer also sent its acknowledgement, NOT-1).
  db().outboxMessage.findMany({
    where: { sourceTable: TABLE.case, sourceId: { in: ids }, event: "case.comment" },
  });

describe("Notify Customers (PRO-3)", () => {
  it("PRO-3: notify writes one comment per open case and one email per customer in one call; skips are counted", async () => {
    const agent = await makeAgent();
    const k = await world(agent);
    const numbers = [k.a, k.b, k.consumer, k.bare, k.cancelled].map((c) => c.number).concat("CS999999999");
    const counts = await notifyCustomers(agent, {
      cases: numbers.join(","),
      message: "We are aware of the outage.",
      requestId: "req-notify-1",
    });
    expect(counts).toEqual({
      notified: 4,
      children: 0,
      emails: 3,
      noEmail: 1,
      already: 0,
      skipped: { notVisible: 1, closed: 1 },
    });
    const ids = Object.values(k).map((c) => c.id);
    const written = await comments(ids);
    expect(written.map((e) => e.recordId).sort()).toEqual([k.a.id, k.b.id, k.consumer.id, k.bare.id].sort());
    expect(written[0]).toMatchObject({ authorId: agent.id, body: "We are aware of the outage." });
    const sent = await mails(ids);
    expect(sent.map((m) => m.sourceId).sort()).toEqual([k.a.id, k.b.id, k.consumer.id].sort());
    for (const m of sent) {
      expect(m.replyTo).toMatch(/^reply\+[0-9a-f]{32}@/);
      expect(m.messageId).toMatch(/^<[0-9a-f]{32}@/);
      expect(m.htmlBody).toContain("We are aware of the outage.");
    }
  });

  it("PRO-3: a selected major case brings its open children: each gets the comment and its customer the email", async () => {
    const agent = await makeAgent();
    const k = await world(agent);
    const major = await makeCase(agent);
    await db().case.update({ where: { id: major.id }, data: { majorCaseState: "accepted" } });
    await db().case.updateMany({
      where: { id: { in: [k.a.id, k.cancelled.id] } },
      data: { parentId: major.id },
    });
    const counts = await notifyCustomers(agent, {
      cases: major.number,
      message: "The outage is over.",
      requestId: "req-notify-major",
    });
    expect(counts).toMatchObject({
      notified: 2,
      children: 1,
      emails: 1,
      noEmail: 1,
      skipped: { notVisible: 0, closed: 0 },
    });
    expect((await comments([major.id, k.a.id, k.cancelled.id])).map((c) => c.recordId).sort()).toEqual(
      [major.id, k.a.id].sort(),
    );
    expect((await mails([k.a.id])).length).toBe(1);
    // A retry of the same dialog writes nothing, and names no children it reached.
    const again = await notifyCustomers(agent, {
      cases: major.number,
      message: "The outage is over.",
      requestId: "req-notify-major",
    });
    expect(again).toMatchObject({ notified: 0, children: 0, already: 2 });
  });

  it("PRO-3: a double submit and concurrent identical submits write one comment and one email per case", async () => {
    const agent = await makeAgent();
    const k = await world(agent);
    const input = { cases: `${k.a.number} ${k.b.number}`, message: "Update", requestId: "req-double-1" };
    const results = await Promise.all([1, 2, 3, 4].map(() => notifyCustomers(agent, input)));
    const again = await notifyCustomers(agent, input);
    expect(results.map((r) => r.notified).reduce((a, b) => a + b)).toBe(2);
    expect(again).toMatchObject({ notified: 0, emails: 0, already: 2 });
    expect(await comments([k.a.id, k.b.id])).toHaveLength(2);
    expect(await mails([k.a.id, k.b.id])).toHaveLength(2);
    // Another request (a new dialog) is a new notification.
    await notifyCustomers(agent, { ...input, requestId: "req-double-2" });
    expect(await mails([k.a.id, k.b.id])).toHaveLength(4);
  });

  it("PRO-3: an itil user notifies: the comment is theirs and the customer is emailed", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const k = await world(agent);
    const counts = await notifyCustomers(itil, {
      cases: `${k.a.number} ${k.cancelled.number}`,
      message: "Fulfiller update: the fix is deployed.",
      requestId: "req-itil-1",
    });
    expect(counts).toEqual({
      notified: 1,
      children: 0,
      emails: 1,
      noEmail: 0,
      already: 0,
      skipped: { notVisible: 0, closed: 1 },
    });
    expect((await comments([k.a.id, k.cancelled.id])).map((e) => [e.recordId, e.authorId, e.body])).toEqual([
      [k.a.id, itil.id, "Fulfiller update: the fix is deployed."],
    ]);
    expect((await mails([k.a.id])).length).toBe(1);
  });

  it("PRO-3: a user without an agent, manager or itil role is refused, though they read the case, and nothing is written", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent, { accountId: (await makeCustomer()).account.id });
    for (const [i, roles] of [[ROLE.incidentRead], [ROLE.incidentRead, ROLE.incidentWrite], []].entries()) {
      await expect(
        notifyCustomers(await makeUser(roles), {
          cases: c.number,
          message: "hi",
          requestId: `req-no-${i}-1`,
        }),
      ).rejects.toMatchObject({
        kind: "forbidden",
        message: "Only customer service agents, managers and ITIL fulfillers can notify customers.",
      });
    }
    expect(await comments([c.id])).toEqual([]);
    expect(await mails([c.id])).toEqual([]);
  });

  it("PRO-3: a missing message or no selected case is refused naming the field", async () => {
    const agent = await makeAgent();
    await expect(
      notifyCustomers(agent, { cases: "", message: "", requestId: "req-bad-1" }),
    ).rejects.toMatchObject({
      kind: "invalid",
      fields: { cases: "Select at least one case.", message: "Message is required." },
    });
  });
});
