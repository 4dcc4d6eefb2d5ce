import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import {
  CaseResolutionCode as C,
  CaseState,
  IncidentState,
  ProblemState,
  resolutionCodesBut,
} from "@/lib/domain/records/choices";
import { makeAgent, makeCase, makeItil, makeUser } from "@/lib/testing/fixtures";
import { createProblemFromCase } from "./create-related";
import { getCaseView } from "./view";
import { runCaseAction, updateCase } from "./write";
import { createIncidentFromCase } from "../incidents/link";
import { updateIncident } from "../incidents/write";
import { updateItsmRecord } from "../itsm/update";
import { PROBLEM } from "../itsm/specs";

const caseVersion = async (id: number) => (await db().case.findUniqueOrThrow({ where: { id } })).version;

async function withServiceManagementOff<T>(run: () => Promise<T>): Promise<T> {
  await db().plugin.upsert({
    where: { id: PLUGIN.serviceManagement },
    create: { id: PLUGIN.serviceManagement, name: "x", description: "x", active: false },
    update: { active: false },
  });
  try {
    return await run();
  } finally {
    await db().plugin.update({ where: { id: PLUGIN.serviceManagement }, data: { active: true } });
  }
}

/** An ITIL user resolves the incident. */
async function resolveIncident(number: string) {
  const row = await db().incident.findUniqueOrThrow({ where: { number } });
  await updateIncident(await makeItil(), number, {
    version: row.version,
    state: IncidentState.Resolved,
    resolutionCode: "Known error",
    resolutionNotes: "Restarted the relay",
  });
}

/** An Open case with an incident, which an ITIL user resolves. */
async function caseWithResolvedIncident() {
  const agent = await makeAgent();
  const c = await makeCase(agent);
  await runCaseAction(agent, c.number, { action: "accept", version: 1 });
  const { incidentNumber } = await createIncidentFromCase(agent, c.number);
  await resolveIncident(incidentNumber);
  return { agent, c, incidentNumber };
}

/** An Open case with a problem made from it; `problem()` reads the problem's row. */
async function caseWithProblem() {
  const agent = await makeAgent();
  const itil = await makeItil();
  const c = await makeCase(agent);
  await runCaseAction(agent, c.number, { action: "accept", version: 1 });
  const { number } = await createProblemFromCase(agent, c.number);
  const problem = async () => db().problem.findUniqueOrThrow({ where: { number } });
  return { agent, itil, c, number, problem };
}

describe("choosing a resolution code (ITSM-4, ITSM-5)", () => {
  it("ITSM-4: a Resolved case's Save keeps its workaround code after the problem is resolved", async () => {
    const { agent, itil, c, number, problem } = await caseWithProblem();
    await updateItsmRecord(PROBLEM, itil, number, {
      version: (await problem()).version,
      workaround: "Restart the relay nightly",
    });
    await runCaseAction(agent, c.number, {
      action: "propose_solution",
      version: await caseVersion(c.id),
      resolutionCode: C.WorkaroundFromProblem,
      resolutionNotes: "Use the nightly restart",
    });
    await updateItsmRecord(PROBLEM, itil, number, {
      version: (await problem()).version,
      state: ProblemState.Resolved,
      resolutionCode: "Fix Applied",
      resolutionNotes: "Patched",
      fixNotes: "Patched",
    });
    // The form sends the state and the code it shows with every Save.
    await updateCase(agent, c.number, {
      version: await caseVersion(c.id),
      state: CaseState.Resolved,
      resolutionCode: C.WorkaroundFromProblem,
      resolutionNotes: "Use the nightly restart (see the KB)",
    });
    expect(await db().case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      state: CaseState.Resolved,
      resolutionCode: C.WorkaroundFromProblem,
      resolutionNotes: "Use the nightly restart (see the KB)",
    });
    // Choosing the code anew on that case is checked: the problem is no longer open.
    await updateCase(agent, c.number, {
      version: await caseVersion(c.id),
      resolutionCode: "Solved (Permanently)",
    });
    await expect(
      updateCase(agent, c.number, {
        version: await caseVersion(c.id),
        resolutionCode: C.WorkaroundFromProblem,
      }),
    ).rejects.toMatchObject({
      field: "resolutionCode",
      message: expect.stringContaining("for an open problem"),
    });
  });

  it("ITSM-4 / ROLE-1: an agent who cannot read incidents resolves by the same rule, never told the incident's number", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    const { incidentNumber } = await createIncidentFromCase(agent, c.number);
    const caseOnly = await makeUser([ROLE.agent]);
    const propose = async () =>
      runCaseAction(caseOnly, c.number, {
        action: "propose_solution",
        version: await caseVersion(c.id),
        resolutionCode: C.FixedByIncident,
        resolutionNotes: "Fixed",
      });
    // Not resolved yet: refused, without the incident's number or state.
    const refusal = propose();
    await expect(refusal).rejects.toMatchObject({
      field: "resolutionCode",
      message: `“${C.FixedByIncident}” cannot be used yet: the case's incident is not resolved.`,
    });
    await expect(refusal).rejects.not.toMatchObject({ message: expect.stringContaining(incidentNumber) });
    // Resolved by an ITIL user: the same agent may resolve the case with it.
    await resolveIncident(incidentNumber);
    await propose();
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe(CaseState.Resolved);
  });

  it("ITSM-5: with com.sn_cs_sm inactive its codes are neither suggested, offered nor accepted", async () => {
    const { agent, c } = await caseWithResolvedIncident();
    expect((await getCaseView(agent, c.number)).suggestion).toMatchObject({
      resolutionCode: C.FixedByIncident,
    });
    await withServiceManagementOff(async () => {
      const view = await getCaseView(agent, c.number);
      expect(view.suggestion).toBeNull();
      const offered = resolutionCodesBut(view.withheldCodes).map((o) => o.value);
      expect(offered).not.toContain(C.FixedByIncident);
      expect(offered).not.toContain(C.FixedByProblem);
      expect(offered).toContain(C.RequestClosedComplete);
      expect(offered).toContain("Solved (Permanently)");
      await expect(
        runCaseAction(agent, c.number, {
          action: "propose_solution",
          version: await caseVersion(c.id),
          resolutionCode: C.FixedByIncident,
          resolutionNotes: "Fixed",
        }),
      ).rejects.toMatchObject({ field: "resolutionCode", message: expect.stringContaining("com.sn_cs_sm") });
    });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe(CaseState.Open);
  });

  it("ITSM-5: a case resolved with a related code keeps it offered after its plugin is switched off", async () => {
    const { agent, c } = await caseWithResolvedIncident();
    await runCaseAction(agent, c.number, {
      action: "propose_solution",
      version: await caseVersion(c.id),
      resolutionCode: C.FixedByIncident,
      resolutionNotes: "Fixed by the incident",
    });
    await withServiceManagementOff(async () => {
      const view = await getCaseView(agent, c.number);
      expect(view.withheldCodes ?? []).not.toContain(C.FixedByIncident);
      await updateCase(agent, c.number, {
        version: await caseVersion(c.id),
        state: CaseState.Resolved,
        resolutionCode: C.FixedByIncident,
        resolutionNotes: "Fixed by the incident; relay replaced",
      });
    });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).resolutionNotes).toBe(
      "Fixed by the incident; relay replaced",
    );
  });

  it("ITSM-4: the case page suggests no 'Fixed by' for a problem resolved as Canceled; Fix Applied is suggested", async () => {
    const { agent, itil, c, number, problem } = await caseWithProblem();
    await updateItsmRecord(PROBLEM, itil, number, {
      version: (await problem()).version,
      state: ProblemState.Resolved,
      resolutionCode: "Canceled",
      resolutionNotes: "Not a problem after all",
    });
    expect((await getCaseView(agent, c.number)).suggestion).toBeNull();
    await db().problem.update({ where: { number }, data: { resolutionCode: "Fix Applied" } });
    expect((await getCaseView(agent, c.number)).suggestion).toMatchObject({
      resolutionCode: C.FixedByProblem,
    });
  });
});
