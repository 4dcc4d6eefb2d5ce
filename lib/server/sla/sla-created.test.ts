import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setThreshold } from "@/lib/testing/proactive";
import { withSlaTargets } from "@/lib/testing/sla";
import { CaseState } from "@/lib/domain/records/choices";
import { makeAccount, makeAgent, makeCase, makeItil, makeManager } from "@/lib/testing/fixtures";
import { acceptMajorCase, proposeMajorCase } from "../major/propose";
import { runCaseAction, updateCase } from "../cases/write";
import { createIncident } from "../incidents/write";
import { addAffectedAccount } from "../proactive/accounts";
import { createProactiveCases } from "../proactive/create";

// NOT-5: every case gets its priority's targets when it is made — also the cases no form makes
// (an accepted major case, proactive cases) — and a response counts only from New.

const MIN = 60_000;
const kinds = async (caseId: number) =>
  (await db().caseSla.findMany({ where: { caseId }, orderBy: { kind: "asc" } })).map((t) => [
    t.kind,
    t.targetMs / MIN,
    t.stoppedAt === null,
  ]);
const caseDue = async (id: number) => (await db().case.findUniqueOrThrow({ where: { id } })).slaDueAt;

withSlaTargets(
  [1, 2, 4].map((priority) => ({
    priority,
    responseMinutes: 10 * priority,
    resolutionMinutes: 100 * priority,
    clock: "24x7",
  })),
);
afterAll(async () => {
  await setThreshold(5);
});

async function incidentWith(accounts: number) {
  const itil = await makeItil();
  // Impact 1, urgency 2: priority 2 by the lookup (PRO-2).
  const incident = await createIncident(itil, { shortDescription: "Mail down", impact: 1, urgency: 2 });
  for (let i = 0; i < accounts; i++)
    await addAffectedAccount(itil, incident.number, { accountId: (await makeAccount()).id });
  return { itil, incident };
}

describe("SLA timers of cases made by the app (NOT-5)", () => {
  it("NOT-5 / MAJ-1: an accepted major case starts its resolution target and no response (it is made Open)", async () => {
    const agent = await makeAgent();
    const candidate = await makeCase(agent, { priority: 2 });
    await proposeMajorCase(agent, candidate.number, { workNotes: "Stores down", businessImpact: "40" });
    const { major } = await acceptMajorCase(await makeManager(), candidate.number);
    const m = await db().case.findUniqueOrThrow({ where: { number: major } });
    expect(m.state).toBe(CaseState.Open);
    expect(await kinds(m.id)).toEqual([["resolution", 200, true]]);
    expect(await caseDue(m.id)).not.toBeNull();
  });

  it("NOT-5 / PRO-1: proactive cases start their priority's timers, in one batch, and carry their due time", async () => {
    await setThreshold(5);
    const { itil, incident } = await incidentWith(3);
    await createProactiveCases(itil, incident.number);
    const cases = await db().case.findMany({ where: { incidentId: incident.id }, orderBy: { id: "asc" } });
    expect(cases).toHaveLength(3);
    for (const c of cases) {
      expect(c.priority).toBe(2);
      expect(await kinds(c.id)).toEqual([
        ["resolution", 200, true],
        ["response", 20, true],
      ]);
      const response = await db().caseSla.findFirstOrThrow({ where: { caseId: c.id, kind: "response" } });
      expect(c.slaDueAt).toEqual(response.dueAt);
      // 20 minutes to go: within the warning time from the start, on the timer and the case.
      expect(response.warnAt).toEqual(response.runningSince);
      expect(c.slaWarnAt).toEqual(response.warnAt);
    }
  });

  it("NOT-5 / PRO-1: above the threshold, the major case and each child start their timers", async () => {
    await setThreshold(2);
    const { itil, incident } = await incidentWith(2);
    const { majorCaseNumber } = await createProactiveCases(itil, incident.number);
    const major = await db().case.findUniqueOrThrow({ where: { number: majorCaseNumber! } });
    const children = await db().case.findMany({ where: { parentId: major.id } });
    expect(children).toHaveLength(2);
    for (const c of [major, ...children]) expect((await kinds(c.id)).length).toBe(2);
  });

  it("NOT-5: a new priority on a case past New adds a resolution target, never a response", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent, { priority: 3 }); // priority 3 has no targets here
    expect(await kinds(c.id)).toEqual([]);
    await runCaseAction(agent, c.number, { action: "accept", version: c.version });
    await updateCase(agent, c.number, { version: c.version + 1, priority: 4 });
    expect(await kinds(c.id)).toEqual([["resolution", 400, true]]);
  });
});
