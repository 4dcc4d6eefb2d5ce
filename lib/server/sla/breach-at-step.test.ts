// NOT-5 / NOT-2: a breach the job has not recorded yet (it passes once a minute) is recorded by the
// case change that stops, pauses or re-targets the timer, and the assignee told once; a case whose
// breached SLA is paused stays breached in the lists. Before, a timer due in the job's minute and
// then paused or stopped had no due time left for the job to find: never recorded nor emailed, a
// paused one out of the Breached filter, and a resume emailed "breached at" the resume time.
import { describe, expect, it } from "vitest";
import { db, dialect, transaction } from "@/lib/db";
import { makeAgent, makeCase, makeCustomer } from "@/lib/testing/fixtures";
import { holdRow } from "@/lib/testing/locks";
import { withSlaTargets } from "@/lib/testing/sla";
import { postCaseJournal } from "../cases/journal";
import { listCases } from "../cases/list";
import { runCaseAction, updateCase } from "../cases/write";
import { recordSlaBreaches } from "../jobs/sla";
import { replyOnPortal } from "../portal/answers";
import { refreshSlaDue } from "../tables/case";
import { recountHoursTimers } from "./rehours";

const MIN = 60_000;
const timer = (caseId: number, kind: string) =>
  db().caseSla.findUniqueOrThrow({ where: { caseId_kind: { caseId, kind } } });
const versionOf = async (id: number) => (await db().case.findUniqueOrThrow({ where: { id } })).version;
const breachMails = (caseId: number) =>
  db().outboxMessage.findMany({ where: { sourceId: caseId, event: "case.sla_breach" } });

withSlaTargets([
  { priority: 4, responseMinutes: 60, resolutionMinutes: 480, clock: "24x7" },
  { priority: 1, responseMinutes: 15, resolutionMinutes: 120, clock: "24x7" },
]);

async function assignedCase(priority = 4) {
  const agent = await makeAgent();
  const { account, contact } = await makeCustomer();
  const c = await makeCase(agent, {
    accountId: account.id,
    contactId: contact.id,
    assignedToId: agent.id,
    priority,
  });
  return { agent, contact, c };
}

/** The timer as if it had started `minutes` ago and run since: due `minutes - target` ago. */
async function runningSince(caseId: number, kind: string, minutes: number) {
  const t = await timer(caseId, kind);
  const since = new Date(Date.now() - minutes * MIN);
  const dueAt = new Date(since.getTime() + t.targetMs);
  await db().caseSla.update({
    where: { id: t.id },
    data: { runningSince: since, elapsedMs: 0, dueAt, warnAt: new Date(dueAt.getTime() - 30 * MIN) },
  });
  await transaction((tx) => refreshSlaDue(tx, caseId));
  return dueAt;
}

const listed = async (agent: Awaited<ReturnType<typeof makeAgent>>, q: Record<string, string>) =>
  (await listCases(agent, { ...q, state: "all" }, 10_000)).rows.map((r) => r.number);

describe("SLA breaches recorded by the change that stops the clock (NOT-5)", () => {
  it("NOT-5 / NOT-2 / WRK-2: a breach due before Request Info pauses the SLA is recorded and emailed then; the case stays breached while paused; the answer does not email again", async () => {
    const { agent, contact, c } = await assignedCase();
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    const dueAt = await runningSince(c.id, "resolution", 490); // due 10 minutes ago, job not yet by
    await runCaseAction(agent, c.number, {
      action: "request_info",
      version: await versionOf(c.id),
      question: "Which one?",
    });
    const paused = await timer(c.id, "resolution");
    expect(paused.runningSince).toBeNull();
    expect(paused.breachedAt).not.toBeNull();
    const mails = await breachMails(c.id);
    expect(mails.map((m) => [m.recipient, m.subject])).toEqual([
      [agent.email, `Case ${c.number}: Resolution SLA breached`],
    ]);
    expect(mails[0].body).toContain(`breached at ${dueAt.toISOString().replace("T", " ").slice(0, 16)} UTC`);
    // The lists: breached, needing attention, its SLA column overdue — while the clock is stopped.
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.slaDueAt).toEqual(paused.breachedAt);
    expect(await listed(agent, { sla: "breached" })).toContain(c.number);
    expect(await listed(agent, { attention: "1" })).toContain(c.number);
    // The customer answers: the clock runs again, already breached — no second breach, no second email.
    await replyOnPortal(contact, c.number, { reply: "This one", idempotencyKey: "k-breach" });
    const resumed = await timer(c.id, "resolution");
    expect(resumed.runningSince).not.toBeNull();
    expect(resumed.breachedAt).toEqual(paused.breachedAt);
    await recordSlaBreaches({ now: new Date(Date.now() + MIN) });
    expect(await breachMails(c.id)).toHaveLength(1);
  });

  it("NOT-5 / NOT-2: a response breached in the job's minute and then met (Accept, or an agent's comment) is recorded and emailed once", async () => {
    const accepted = await assignedCase();
    await runningSince(accepted.c.id, "response", 61);
    await runCaseAction(accepted.agent, accepted.c.number, { action: "accept", version: 1 });
    const commented = await assignedCase();
    await runningSince(commented.c.id, "response", 75);
    await postCaseJournal(commented.agent, commented.c.number, { comments: "We are on it" });
    for (const { c } of [accepted, commented]) {
      const response = await timer(c.id, "response");
      expect(response.stoppedAt).not.toBeNull();
      expect(response.breachedAt).not.toBeNull();
      expect((await breachMails(c.id)).map((m) => m.subject)).toEqual([
        `Case ${c.number}: Response SLA breached`,
      ]);
    }
    await recordSlaBreaches({ now: new Date(Date.now() + MIN) });
    expect(await breachMails(accepted.c.id)).toHaveLength(1);
    expect(await breachMails(commented.c.id)).toHaveLength(1);
  });

  it("NOT-5 / NOT-2: a resolution breached in the job's minute and then resolved is recorded and emailed", async () => {
    const { agent, c } = await assignedCase();
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    await runningSince(c.id, "resolution", 485);
    await runCaseAction(agent, c.number, {
      action: "propose_solution",
      version: await versionOf(c.id),
      resolutionCode: "Solved (Permanently)",
      resolutionNotes: "Done",
    });
    const resolution = await timer(c.id, "resolution");
    expect(resolution.stoppedAt).not.toBeNull();
    expect(resolution.breachedAt).not.toBeNull();
    expect((await breachMails(c.id)).map((m) => m.subject)).toEqual([
      `Case ${c.number}: Resolution SLA breached`,
    ]);
  });

  it("NOT-5 / NOT-2: new business hours record a breach already due at its due time, not the save's", async () => {
    const { c } = await assignedCase();
    await db().caseSla.deleteMany({ where: { caseId: c.id } });
    const since = new Date(Date.now() - 10 * 60 * MIN);
    const dueAt = new Date(since.getTime() + 8 * 60 * MIN);
    await db().caseSla.create({
      data: {
        caseId: c.id,
        kind: "resolution",
        clock: "hours",
        targetMs: 8 * 60 * MIN,
        runningSince: since,
        dueAt,
      },
    });
    const utc = { days: [1, 2, 3, 4, 5, 6, 7] as const, startMinute: 0, endMinute: 1439, timeZone: "UTC" };
    await transaction((tx) => recountHoursTimers(tx, null, { ...utc, days: [...utc.days], version: 9 }));
    expect((await timer(c.id, "resolution")).breachedAt).not.toBeNull();
    const [mail] = await breachMails(c.id);
    expect(mail.body).toContain(`breached at ${dueAt.toISOString().replace("T", " ").slice(0, 16)} UTC`);
  });

  it("NOT-5: a target lowered below the time counted while Awaiting Info breaches at once; raised above it again, the breach is gone", async () => {
    const { agent, c } = await assignedCase();
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    await runCaseAction(agent, c.number, {
      action: "request_info",
      version: await versionOf(c.id),
      question: "Which one?",
    });
    const paused = await timer(c.id, "resolution");
    await db().caseSla.update({ where: { id: paused.id }, data: { elapsedMs: 200 * MIN } });
    const changed = Date.now();
    await updateCase(agent, c.number, { version: await versionOf(c.id), priority: 1 }); // 120 minutes
    const lowered = await timer(c.id, "resolution");
    expect(lowered.breachedAt).not.toBeNull();
    // Breached at the change (the email's key names the time it names).
    const [{ dedupeKey }] = await breachMails(c.id);
    expect(Number(dedupeKey.split(":")[3])).toBeGreaterThanOrEqual(changed);
    expect((await breachMails(c.id)).map((m) => m.subject)).toEqual([
      `Case ${c.number}: Resolution SLA breached`,
    ]);
    expect(await listed(agent, { sla: "breached" })).toContain(c.number);
    await updateCase(agent, c.number, { version: await versionOf(c.id), priority: 4 }); // 480 again
    const raised = await timer(c.id, "resolution");
    expect(raised.breachedAt).toBeNull();
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).slaDueAt).toBeNull();
    expect(await listed(agent, { sla: "breached" })).not.toContain(c.number);
  });

  it("NOT-5 / NOT-2: a priority whose higher target takes a due timer out of breach records and emails no breach", async () => {
    const { agent, c } = await assignedCase(1); // response 15 minutes
    await runningSince(c.id, "response", 20); // due 5 minutes ago; the job has not passed yet
    await updateCase(agent, c.number, { version: await versionOf(c.id), priority: 4 }); // response 60 minutes
    const t = await timer(c.id, "response");
    expect([t.breachedAt, t.dueAt!.getTime() > Date.now()]).toEqual([null, true]);
    expect(await breachMails(c.id)).toEqual([]);
    // A lower target that leaves it overdue still records the breach, and emails it once.
    await updateCase(agent, c.number, { version: await versionOf(c.id), priority: 1 });
    expect((await timer(c.id, "response")).breachedAt).not.toBeNull();
    expect(await breachMails(c.id)).toHaveLength(1);
  });

  it("NOT-5: a running breached timer keeps its due time for the lists, not the job's later mark", async () => {
    const { c } = await assignedCase();
    const dueAt = await runningSince(c.id, "response", 120); // due an hour ago; the job was down
    await recordSlaBreaches({ now: new Date() });
    expect((await timer(c.id, "response")).breachedAt!.getTime()).toBeGreaterThan(dueAt.getTime());
    await transaction((tx) => refreshSlaDue(tx, c.id));
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).slaDueAt).toEqual(dueAt);
  });

  it.runIf(dialect() === "postgresql")(
    "NOT-5: the job leaves the timers of a case a change holds to its next pass, and records the rest without waiting",
    async () => {
      const held = await assignedCase();
      const free = await assignedCase();
      const release = await holdRow("Case", held.c.id); // a change of the case, not yet committed
      try {
        const later = new Date(Date.now() + 61 * MIN);
        await recordSlaBreaches({ now: later });
        expect((await timer(free.c.id, "response")).breachedAt).toEqual(later);
        expect((await timer(held.c.id, "response")).breachedAt).toBeNull();
      } finally {
        await release();
      }
      const next = new Date(Date.now() + 62 * MIN);
      await recordSlaBreaches({ now: next });
      expect((await timer(held.c.id, "response")).breachedAt).toEqual(next);
    },
  );

  it.runIf(dialect() === "postgresql")(
    "NOT-5 / NOT-2: a timer the breach pass skipped (its case held) gets no 'due soon' email from the warning pass",
    async () => {
      const { c } = await assignedCase();
      await runningSince(c.id, "response", 120); // due an hour ago, not yet marked
      const release = await holdRow("Case", c.id);
      let batches = 0;
      // The change holding the case commits between the breach pass and the warning pass.
      const stillMine = async () => {
        if (++batches === 2) await release();
        return true;
      };
      try {
        await recordSlaBreaches({ now: new Date(), stillMine });
      } finally {
        if (batches < 2) await release();
      }
      expect(batches).toBeGreaterThanOrEqual(2);
      const t = await timer(c.id, "response");
      expect([t.breachedAt, t.warnedAt]).toEqual([null, null]);
      const mails = await db().outboxMessage.findMany({
        where: { sourceId: c.id, event: "case.sla_warning" },
      });
      expect(mails).toEqual([]);
      // The next pass records the breach, and emails that.
      await recordSlaBreaches({ now: new Date() });
      expect((await timer(c.id, "response")).breachedAt).not.toBeNull();
      expect(await breachMails(c.id)).toHaveLength(1);
    },
  );
});
