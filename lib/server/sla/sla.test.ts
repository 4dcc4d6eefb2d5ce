import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { CaseState } from "@/lib/domain/records/choices";
import type { SlaSchedule } from "@/lib/domain/sla/schedule";
import { startTimer } from "@/lib/domain/sla/timer";
import { makeAgent, makeCase, makeCustomer, makeManager } from "@/lib/testing/fixtures";
import { withSlaTargets } from "@/lib/testing/sla";
import { addChildCase } from "../major/children";
import { acceptMajorCase, proposeMajorCase } from "../major/propose";
import { postCaseJournal } from "../cases/journal";
import { runCaseAction, updateCase } from "../cases/write";
import { recordSlaBreaches } from "../jobs/sla";
import { listCases } from "../cases/list";
import { replyOnPortal } from "../portal/answers";
import { refreshSlaDue } from "../tables/case";

const MIN = 60_000;
const timers = (caseId: number) => db().caseSla.findMany({ where: { caseId }, orderBy: { kind: "asc" } });
const caseDue = async (id: number) => (await db().case.findUniqueOrThrow({ where: { id } })).slaDueAt;
const versionOf = async (id: number) => (await db().case.findUniqueOrThrow({ where: { id } })).version;
type Agent = Awaited<ReturnType<typeof makeAgent>>;
type Row = { id: number; number: string };
/** Propose Solution from the case's current version: the case is Resolved. */
const proposeSolution = async (agent: Agent, c: Row) =>
  runCaseAction(agent, c.number, {
    action: "propose_solution",
    version: await versionOf(c.id),
    resolutionCode: "Solved (Permanently)",
    resolutionNotes: "Done",
  });
const reopenCase = async (agent: Agent, c: Row) =>
  runCaseAction(agent, c.number, { action: "reopen", version: await versionOf(c.id) });
const editCase = async (agent: Agent, c: Row, patch: Record<string, unknown>) =>
  updateCase(agent, c.number, { version: await versionOf(c.id), ...patch });

withSlaTargets([
  { priority: 4, responseMinutes: 60, resolutionMinutes: 480, clock: "24x7" },
  { priority: 1, responseMinutes: 15, resolutionMinutes: 120, clock: "24x7" },
]);

async function customerCase(priority = 4) {
  const agent = await makeAgent();
  const { account, contact } = await makeCustomer();
  const c = await makeCase(agent, { accountId: account.id, contactId: contact.id, priority });
  return { agent, contact, c };
}

describe("SLA timers on cases (NOT-5)", () => {
  it("NOT-5 / MAJ-5: a major case's new priority and its resolution, copied to its children, move the children's timers", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    const candidate = await makeCase(agent);
    await proposeMajorCase(agent, candidate.number, {
      workNotes: "Stores down",
      businessImpact: "40 stores",
    });
    const { major } = await acceptMajorCase(manager, candidate.number);
    const child = await makeCase(agent);
    await addChildCase(manager, major, child.number);
    const version = async () => (await db().case.findUniqueOrThrow({ where: { number: major } })).version;

    await updateCase(manager, major, { version: await version(), priority: 1, confirmChildren: true });
    const [resolution, response] = await timers(child.id);
    expect([response.targetMs, resolution.targetMs]).toEqual([15 * MIN, 120 * MIN]);
    expect(await caseDue(child.id)).toEqual(response.dueAt);

    await runCaseAction(manager, major, {
      action: "propose_solution",
      version: await version(),
      resolutionCode: "Solved (Permanently)",
      resolutionNotes: "Payments restored",
      confirmChildren: true,
    });
    expect((await db().case.findUniqueOrThrow({ where: { id: child.id } })).state).toBe(CaseState.Resolved);
    expect((await timers(child.id)).map((t) => [t.kind, t.stoppedAt !== null, t.dueAt])).toEqual([
      ["resolution", true, null],
      ["response", true, null],
    ]);
    expect(await caseDue(child.id)).toBeNull();
  });

  it("NOT-5: a new case gets its priority's timers; the case carries the earliest due and warning times", async () => {
    const { c } = await customerCase();
    const [resolution, response] = await timers(c.id);
    expect([response.kind, resolution.kind]).toEqual(["response", "resolution"]);
    expect(response.dueAt!.getTime() - response.runningSince!.getTime()).toBe(60 * MIN);
    expect(resolution.dueAt!.getTime() - resolution.runningSince!.getTime()).toBe(480 * MIN);
    expect(response.dueAt!.getTime() - response.warnAt!.getTime()).toBe(30 * MIN);
    expect(await caseDue(c.id)).toEqual(response.dueAt);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).slaWarnAt).toEqual(response.warnAt);
  });

  it("NOT-5: Accept meets the response; Awaiting Info pauses; the customer's answer resumes; Resolved stops", async () => {
    const { agent, contact, c } = await customerCase();
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    const [first, response] = await timers(c.id);
    let resolution = first;
    expect(response.stoppedAt).not.toBeNull();
    expect(await caseDue(c.id)).toEqual(resolution.dueAt);
    await runCaseAction(agent, c.number, { action: "request_info", version: 2, question: "Which one?" });
    [resolution] = await timers(c.id);
    expect([resolution.runningSince, resolution.dueAt, resolution.warnAt, await caseDue(c.id)]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).slaWarnAt).toBeNull();
    await replyOnPortal(contact, c.number, { reply: "This one", idempotencyKey: "k1" });
    [resolution] = await timers(c.id);
    expect(resolution.runningSince).not.toBeNull();
    expect(resolution.dueAt!.getTime()).toBeGreaterThan(resolution.runningSince!.getTime());
    expect(resolution.dueAt!.getTime() - resolution.warnAt!.getTime()).toBe(30 * MIN);
    await proposeSolution(agent, c);
    [resolution] = await timers(c.id);
    expect(resolution.stoppedAt).not.toBeNull();
    expect(resolution.warnAt).toBeNull();
    expect(await caseDue(c.id)).toBeNull();
  });

  it("NOT-5: an agent's additional comment meets the response; a work note does not", async () => {
    const { agent, c } = await customerCase();
    await postCaseJournal(agent, c.number, { workNotes: "Looking" });
    expect((await timers(c.id))[1].stoppedAt).toBeNull();
    await postCaseJournal(agent, c.number, { comments: "We are on it" });
    expect((await timers(c.id))[1].stoppedAt).not.toBeNull();
  });

  it("NOT-5: a new priority re-targets the running timers", async () => {
    const { agent, c } = await customerCase();
    await updateCase(agent, c.number, { version: 1, priority: 1 });
    const [resolution, response] = await timers(c.id);
    expect(response.targetMs).toBe(15 * MIN);
    expect(resolution.targetMs).toBe(120 * MIN);
    expect(response.dueAt!.getTime() - c.createdAt.getTime()).toBeLessThan(16 * MIN);
    // 15 minutes to go: within the 30 minutes' warning from the start.
    expect(response.warnAt!.getTime()).toBe(response.runningSince!.getTime());
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe(CaseState.New);
  });

  it("NOT-5: a priority changed while the case was Resolved counts when it reopens — the resolution re-targeted, or started when the old priority had none", async () => {
    const { agent, c } = await customerCase();
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    const resolve = () => proposeSolution(agent, c);
    const edit = (patch: Record<string, unknown>) => editCase(agent, c, patch);
    const reopen = () => reopenCase(agent, c);
    await resolve();
    await edit({ priority: 1 }); // escalated while Resolved: the stopped timer keeps 480 minutes
    expect((await timers(c.id))[0].targetMs).toBe(480 * MIN);
    await reopen();
    let [resolution] = await timers(c.id);
    expect(resolution).toMatchObject({ kind: "resolution", targetMs: 120 * MIN, stoppedAt: null });
    expect(await caseDue(c.id)).toEqual(resolution.dueAt);
    // Priority 3 has no targets: resolved, moved there, then to 1 again while Resolved is kept…
    await resolve();
    await edit({ priority: 3 });
    await reopen();
    // No resolution target at 3: the timer is kept, suspended (suspended.test.ts), not running.
    [resolution] = await timers(c.id);
    expect(resolution).toMatchObject({
      kind: "resolution",
      stoppedAt: null,
      runningSince: null,
      dueAt: null,
    });
    expect(resolution.suspendedAt).not.toBeNull();
    await resolve();
    await edit({ priority: 1 });
    await reopen();
    [resolution] = await timers(c.id);
    expect(resolution).toMatchObject({ kind: "resolution", targetMs: 120 * MIN, stoppedAt: null });
  });

  it("NOT-5: a case made at a priority without targets, moved to one with them while Resolved, gets its resolution when it reopens", async () => {
    const { agent, c } = await customerCase(3);
    expect(await timers(c.id)).toEqual([]);
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    await proposeSolution(agent, c);
    await editCase(agent, c, { priority: 1 });
    expect(await timers(c.id)).toEqual([]); // a Resolved case starts none
    await reopenCase(agent, c);
    const rows = await timers(c.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "resolution", targetMs: 120 * MIN, stoppedAt: null });
    expect(await caseDue(c.id)).toEqual(rows[0].dueAt);
  });

  it("NOT-5 / NOT-2: a breach is recorded once, by two job runners at once, and emails the assignee once", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const c = await makeCase(agent, { accountId: account.id, contactId: contact.id, assignedToId: agent.id });
    const later = new Date(Date.now() + 61 * MIN);
    const runs = await Promise.all([recordSlaBreaches({ now: later }), recordSlaBreaches({ now: later })]);
    const [, response] = await timers(c.id);
    expect(response.breachedAt).toEqual(later);
    expect(runs.reduce((n, r) => n + r.breached, 0)).toBeGreaterThanOrEqual(1);
    const mails = await db().outboxMessage.findMany({ where: { sourceId: c.id, event: "case.sla_breach" } });
    expect(mails.map((m) => m.recipient)).toEqual([agent.email]);
    expect(mails[0].subject).toBe(`Case ${c.number}: Response SLA breached`);
    await recordSlaBreaches({ now: new Date(later.getTime() + MIN) });
    expect(await db().outboxMessage.count({ where: { sourceId: c.id, event: "case.sla_breach" } })).toBe(1);
  });

  it("NOT-5 / NOT-2 / WRK-2: a business-hours SLA warns with 30 working minutes left — Friday 16:40 for Monday 09:10, not Monday 08:40", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const c = await makeCase(agent, { accountId: account.id, contactId: contact.id, assignedToId: agent.id });
    // The case's response as business hours (UTC, Monday to Friday 09–17) would start it on a Friday
    // at 15:00 with 2 h 10 m to go: due Monday 09:10.
    const hours: SlaSchedule = {
      kind: "hours",
      timeZone: "UTC",
      days: [1, 2, 3, 4, 5],
      startMinute: 540,
      endMinute: 1020,
    };
    const friday = new Date("2030-11-22T15:00:00Z");
    const t = startTimer(hours, 130 * MIN, friday);
    await db().caseSla.deleteMany({ where: { caseId: c.id } });
    await db().caseSla.create({ data: { caseId: c.id, kind: "response", clock: "hours", ...t } });
    await transaction((tx) => refreshSlaDue(tx, c.id));
    const warned = async () => (await timers(c.id))[0].warnedAt;
    const mails = () => db().outboxMessage.findMany({ where: { sourceId: c.id, event: "case.sla_warning" } });
    await recordSlaBreaches({ now: new Date("2030-11-22T16:39:00Z") });
    expect(await warned()).toBeNull();
    const at = new Date("2030-11-22T16:41:00Z");
    await recordSlaBreaches({ now: at });
    expect(await warned()).toEqual(at);
    expect((await mails()).map((m) => m.subject)).toEqual([`Case ${c.number}: Response SLA due soon`]);
    // WRK-2: from then on the case needs attention (the list tests the time kept on the case).
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).slaWarnAt).toEqual(t.warnAt);
  });

  it("NOT-5 / NOT-2: a timer re-targeted after its breach, and due again, breaches again and emails again", async () => {
    await db().slaTarget.create({
      data: { priority: 2, responseMinutes: 60, resolutionMinutes: 2000, clock: "24x7" },
    });
    try {
      const agent = await makeAgent();
      const { account, contact } = await makeCustomer();
      const c = await makeCase(agent, {
        accountId: account.id,
        contactId: contact.id,
        assignedToId: agent.id,
      });
      const at = (min: number) => new Date(c.createdAt.getTime() + min * MIN);
      await recordSlaBreaches({ now: at(481) }); // the resolution's 480 minutes
      await updateCase(agent, c.number, { version: c.version, priority: 2 }); // now 2,000
      const [resolution] = await timers(c.id);
      expect(resolution.breachedAt).toBeNull();
      await recordSlaBreaches({ now: at(2001) });
      const mails = await db().outboxMessage.findMany({
        where: { sourceId: c.id, event: "case.sla_breach", subject: { contains: "Resolution" } },
      });
      expect(mails).toHaveLength(2);
    } finally {
      await db().slaTarget.deleteMany({ where: { priority: 2 } });
    }
  });

  it("NOT-5: the case list filters by SLA (breached, due soon, running) and sorts by the earliest due time", async () => {
    const { agent, c: late } = await customerCase();
    const { c: soon } = await customerCase();
    const { c: none } = await customerCase();
    await db().case.update({ where: { id: late.id }, data: { slaDueAt: new Date(Date.now() - 5 * MIN) } });
    await db().case.update({ where: { id: soon.id }, data: { slaDueAt: new Date(Date.now() + 20 * MIN) } });
    await db().case.update({ where: { id: none.id }, data: { slaDueAt: null } });
    const numbers = async (q: Record<string, string>) =>
      (await listCases(agent, { ...q, state: "all" }, 10_000)).rows.map((r) => r.number);
    const breached = await numbers({ sla: "breached" });
    expect(breached).toContain(late.number);
    expect(breached).not.toContain(soon.number);
    expect(await numbers({ sla: "soon" })).toEqual(expect.arrayContaining([late.number, soon.number]));
    expect(await numbers({ sla: "any" })).not.toContain(none.number);
    const sorted = await numbers({ sort: "sla" });
    // Page one only: a case without a due time may sort past it when this worker's database
    // already holds a page of cases with timers (it depends on the test files run before).
    const at = (n: string) => (sorted.includes(n) ? sorted.indexOf(n) : Infinity);
    expect(sorted).toContain(late.number);
    expect(at(late.number)).toBeLessThan(at(soon.number));
    expect(at(soon.number)).toBeLessThan(at(none.number));
    const row = (await listCases(agent, { sla: "breached", state: "all" }, 10_000)).rows.find(
      (r) => r.id === late.id,
    );
    expect(row?.slaDueAt).toBeInstanceOf(Date);
  });
});
