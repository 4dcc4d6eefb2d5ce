// NOT-5: a case moved to a priority with no target of a kind keeps that SLA's timer, suspended — its
// counted time and its breach stay — and a priority with a target runs it on from there. Before, the
// timer was deleted: moving a case to such a priority and back started a fresh SLA and erased a breach.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CaseState } from "@/lib/domain/records/choices";
import { makeAgent, makeCase, makeCustomer } from "@/lib/testing/fixtures";
import { withSlaTargets } from "@/lib/testing/sla";
import { runCaseAction, updateCase } from "../cases/write";
import { getCaseView } from "../cases/view";
import { recordSlaBreaches } from "../jobs/sla";
import { replyOnPortal } from "../portal/answers";

const MIN = 60_000;
const timer = (caseId: number, kind: string) =>
  db().caseSla.findUniqueOrThrow({ where: { caseId_kind: { caseId, kind } } });
const versionOf = async (id: number) => (await db().case.findUniqueOrThrow({ where: { id } })).version;

// Priority 4 has both targets; 3 has none (an admin's choice: Moderate cases are not timed).
withSlaTargets([{ priority: 4, responseMinutes: 60, resolutionMinutes: 480, clock: "24x7" }]);

async function customerCase() {
  const agent = await makeAgent();
  const { account, contact } = await makeCustomer();
  const c = await makeCase(agent, { accountId: account.id, contactId: contact.id, priority: 4 });
  return { agent, contact, c };
}

describe("SLA timers at a priority without targets (NOT-5)", () => {
  it("NOT-5: a breached response stays breached through a priority without targets and back", async () => {
    const { agent, c } = await customerCase();
    // The response started 61 minutes ago (60 allowed) and the job recorded its breach.
    const started = new Date(Date.now() - 61 * MIN);
    const before = await timer(c.id, "response");
    await db().caseSla.update({
      where: { id: before.id },
      data: { runningSince: started, dueAt: new Date(started.getTime() + 60 * MIN) },
    });
    await recordSlaBreaches();
    expect((await timer(c.id, "response")).breachedAt).not.toBeNull();

    await updateCase(agent, c.number, { version: await versionOf(c.id), priority: 3 });
    const suspended = await timer(c.id, "response");
    expect(suspended).toMatchObject({ id: before.id, runningSince: null, dueAt: null, warnAt: null });
    expect(suspended.suspendedAt).not.toBeNull();
    expect(suspended.breachedAt).not.toBeNull();
    expect(suspended.elapsedMs).toBeGreaterThanOrEqual(61 * MIN);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).slaDueAt).toBeNull();
    // The case page still shows the breach; the resolution, not breached, says it has no target now.
    const view = await getCaseView(agent, c.number);
    const chips = Object.fromEntries(view.slas.map((s) => [s.kind, s]));
    expect(chips.response.status).toBe("breached");
    expect(chips.resolution).toMatchObject({ status: "suspended" });
    expect(chips.resolution.text).toMatch(/^no target at this priority, 7h 5\dm was left$/);

    await updateCase(agent, c.number, { version: await versionOf(c.id), priority: 4 });
    const resumed = await timer(c.id, "response");
    expect(resumed).toMatchObject({ id: before.id, suspendedAt: null, targetMs: 60 * MIN });
    expect(resumed.runningSince).not.toBeNull();
    expect(resumed.breachedAt).not.toBeNull(); // 61 of 60 minutes counted: still breached
    expect(resumed.dueAt!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("NOT-5: a timer re-targeted while Awaiting Info waits for the customer's answer; resolving stops a suspended one", async () => {
    const { agent, contact, c } = await customerCase();
    await runCaseAction(agent, c.number, { action: "accept", version: await versionOf(c.id) });
    await updateCase(agent, c.number, { version: await versionOf(c.id), priority: 3 });
    await runCaseAction(agent, c.number, {
      action: "request_info",
      version: await versionOf(c.id),
      question: "Which printer?",
    });
    await updateCase(agent, c.number, { version: await versionOf(c.id), priority: 4 });
    // Re-targeted while Awaiting Info: no longer suspended, not running either.
    expect(await timer(c.id, "resolution")).toMatchObject({
      suspendedAt: null,
      runningSince: null,
      dueAt: null,
    });
    // The customer's answer runs it.
    await replyOnPortal(contact, c.number, {
      reply: "The one on floor 2",
      idempotencyKey: "suspended-reply",
    });
    expect((await timer(c.id, "resolution")).runningSince).not.toBeNull();
    await updateCase(agent, c.number, { version: await versionOf(c.id), priority: 3 });
    await runCaseAction(agent, c.number, {
      action: "propose_solution",
      version: await versionOf(c.id),
      resolutionCode: "Solved (Permanently)",
      resolutionNotes: "Replaced the toner",
    });
    const resolution = await timer(c.id, "resolution");
    expect(resolution.stoppedAt).not.toBeNull();
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe(CaseState.Resolved);
  });
});
