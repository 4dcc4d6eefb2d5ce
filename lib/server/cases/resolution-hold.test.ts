// ITSM-4: a "related" resolution code is checked against its record's state — and the record is held
// while the case's change commits. Read unheld, a problem reopened in the same instant left the case
// Resolved "Fixed by closing related PRB" with its problem open again. (SQLite runs one write
// transaction at a time: there the case's save waits for the reopen whatever it locks.)
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { DomainError } from "@/lib/domain/errors";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { CaseResolutionCode, CaseState, IncidentState, ProblemState } from "@/lib/domain/records/choices";
import { api } from "@/lib/testing/api";
import { holdRow, untilWaiting } from "@/lib/testing/locks";
import { makeAgent, makeCase, makeItil } from "@/lib/testing/fixtures";
import { createIncidentFromCase } from "../incidents/link";
import { updateIncident } from "../incidents/write";
import { PROBLEM } from "../itsm/specs";
import { updateItsmRecord } from "../itsm/update";
import { createProblemFromCase } from "./create-related";
import { bulkUpdateCases } from "./bulk";
import { runCaseAction } from "./write";

const problem = (number: string) => db().problem.findUniqueOrThrow({ where: { number } });
const caseRow = (id: number) => db().case.findUniqueOrThrow({ where: { id } });

/** An open case (accepted) with a problem made from it, the problem Resolved. */
async function caseWithResolvedProblem() {
  const agent = await makeAgent();
  const itil = await makeItil();
  const c = await makeCase(agent);
  await runCaseAction(agent, c.number, { action: "accept", version: 1 });
  const { number } = await createProblemFromCase(agent, c.number);
  const p = await problem(number);
  await updateItsmRecord(PROBLEM, itil, number, {
    version: p.version,
    state: ProblemState.Resolved,
    resolutionCode: "Fix Applied",
    resolutionNotes: "Patched the job.",
  });
  return { agent, itil, c, problemNumber: number };
}

/**
 * "ok" for a resolution saved or refused on its Resolution code — the reopen went first (PostgreSQL:
 * the resolution waited for it) or the resolution did (SQLite's queue may choose it); else the error.
 */
const settledAs = (outcome: unknown) =>
  outcome === "resolved" ||
  (outcome instanceof DomainError && outcome.kind === "invalid" && outcome.field === "resolutionCode")
    ? "ok"
    : String(outcome);

/** The problem moved back to Root Cause Analysis; "reopened" or the error. */
const reopen = async (itil: Actor, number: string) =>
  updateItsmRecord(PROBLEM, itil, number, {
    version: (await problem(number)).version,
    state: ProblemState.RootCauseAnalysis,
  }).then(
    () => "reopened",
    (e: unknown) => e,
  );

/**
 * A record's Table API PATCH with a comment (which reaches the case's work notes, locking the case,
 * before the record's save) and Propose Solution with the code relying on that record (which holds
 * the record, then saves the case), queued behind a third lock on the case so both start at once. The
 * PATCH must lock its record before its note, or the two deadlock. The PATCH's answer, and the
 * proposal's outcome ("resolved" or its error).
 */
async function patchWhileResolving(
  agent: Actor,
  c: { id: number; number: string },
  resolutionCode: string,
  patch: () => ReturnType<typeof api>,
) {
  const { version } = await caseRow(c.id);
  const release = await holdRow("Case", c.id);
  const patched = patch();
  await untilWaiting(1, patched);
  const proposed = runCaseAction(agent, c.number, {
    action: "propose_solution",
    version,
    resolutionCode,
    resolutionNotes: "Fixed by the related record.",
  }).then(
    () => "resolved",
    (e: unknown) => e,
  );
  await untilWaiting(2, proposed);
  await release();
  return { answer: await patched, propose: await proposed };
}

describe("a related resolution code while its record moves (ITSM-4)", () => {
  it("ITSM-4: Propose Solution 'Fixed by closing related PRB' while the problem is reopened is refused, not saved over it", async () => {
    const { agent, itil, c, problemNumber } = await caseWithResolvedProblem();
    const p = await problem(problemNumber);
    const { version } = await caseRow(c.id);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let reopened!: () => void;
    const reopenSaved = new Promise<void>((r) => (reopened = r));
    // The reopen is saved, with its note on the case, and its transaction stays open.
    const reopen = transaction(async (tx) => {
      await updateItsmRecord(
        PROBLEM,
        itil,
        problemNumber,
        { version: p.version, state: ProblemState.RootCauseAnalysis },
        tx,
      );
      reopened();
      await gate;
    });
    await reopenSaved;
    const propose = runCaseAction(agent, c.number, {
      action: "propose_solution",
      version,
      resolutionCode: CaseResolutionCode.FixedByProblem,
      resolutionNotes: "The problem's fix is in.",
    }).then(
      () => "resolved",
      (e: unknown) => e,
    );
    await untilWaiting(1, propose);
    release();
    await reopen;
    expect(await propose).toMatchObject({ kind: "invalid", field: "resolutionCode" });
    expect(await caseRow(c.id)).toMatchObject({ state: CaseState.Open, resolutionCode: null });
    expect((await problem(problemNumber)).state).toBe(ProblemState.RootCauseAnalysis);
  });

  it("ITSM-4 / API-2: a Table API PATCH resolving 'Fixed by closing related PRB' with a work note while the problem is reopened: no deadlock", async () => {
    // The PATCH posts its work note first (locking the case) and checks the code after; the reopen
    // locks the problem and then the case (its note). Queued behind a third lock on the case, both
    // start at once: the PATCH must hold the problem before its note, or they deadlock.
    const { agent, itil, c, problemNumber } = await caseWithResolvedProblem();
    const release = await holdRow("Case", c.id);
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", c.id)}`;
    const patched = api("PATCH", path, {
      as: agent,
      body: {
        work_notes: "Closing: the problem is fixed.",
        state: String(CaseState.Resolved),
        resolution_code: CaseResolutionCode.FixedByProblem,
        close_notes: "The problem's fix is in.",
      },
    });
    await untilWaiting(1, patched);
    const reopened = reopen(itil, problemNumber);
    await untilWaiting(2, reopened);
    await release();
    const answer = await patched;
    expect(answer.status, JSON.stringify(answer.json)).toBeLessThan(500);
    expect(await reopened).toBe("reopened");
    // Either the PATCH went first (the problem was Resolved when checked) and the reopen after it, or
    // the reopen went first (SQLite's queue may choose it) and the PATCH was refused: never a 500.
    const after = await caseRow(c.id);
    if (answer.status === 200) expect(after.resolutionCode).toBe(CaseResolutionCode.FixedByProblem);
    else
      expect({ status: answer.status, state: after.state }).toEqual({ status: 400, state: CaseState.Open });
    expect((await problem(problemNumber)).state).toBe(ProblemState.RootCauseAnalysis);
  });

  it("ITSM-4 / WRK-4: resolving selected cases 'Fixed by closing related PRB' while the problem is reopened: no deadlock", async () => {
    const { agent, itil, c, problemNumber } = await caseWithResolvedProblem();
    const { version } = await caseRow(c.id);
    const release = await holdRow("Case", c.id);
    const bulk = bulkUpdateCases(agent, {
      cases: `${c.number}:${version}`,
      state: String(CaseState.Resolved),
      resolutionCode: CaseResolutionCode.FixedByProblem,
      resolutionNotes: "The problem's fix is in.",
    });
    await untilWaiting(1, bulk);
    const reopened = reopen(itil, problemNumber);
    await untilWaiting(2, reopened);
    await release();
    const report = await bulk;
    expect(await reopened).toBe("reopened");
    expect((await problem(problemNumber)).state).toBe(ProblemState.RootCauseAnalysis);
    // Each case's outcome is "changed" (resolved first) or "refused" naming why — never an error.
    const [outcome] = report.outcomes;
    if (outcome.status === "changed") expect((await caseRow(c.id)).state).toBe(CaseState.Resolved);
    else
      expect(outcome).toMatchObject({
        status: "refused",
        reason: expect.stringMatching(/cannot be used yet/),
      });
  });

  it("ITSM-4 / SYNC-2: a Table API PATCH of the problem with a comment and a reopen while the case is resolved 'Fixed by closing related PRB': no deadlock", async () => {
    const { agent, itil, c, problemNumber } = await caseWithResolvedProblem();
    const p = await problem(problemNumber);
    const { answer, propose } = await patchWhileResolving(agent, c, CaseResolutionCode.FixedByProblem, () =>
      api("PATCH", `/api/now/table/problem/${sysIdOf("problem", p.id)}`, {
        as: itil,
        body: { comments: "Reopening: it failed again.", state: String(ProblemState.RootCauseAnalysis) },
      }),
    );
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    expect((await problem(problemNumber)).state).toBe(ProblemState.RootCauseAnalysis);
    expect(settledAs(propose)).toBe("ok");
  });

  it("ITSM-4 / INC-4: a Table API PATCH of the incident with a comment and a reopen while the case is resolved 'Fixed by closing related Incident': no deadlock", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    const { incidentNumber } = await createIncidentFromCase(agent, c.number);
    const inc = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    await updateIncident(itil, incidentNumber, {
      version: inc.version,
      state: IncidentState.Resolved,
      resolutionCode: "Known error",
      resolutionNotes: "Restarted the relay",
    });
    const { answer, propose } = await patchWhileResolving(agent, c, CaseResolutionCode.FixedByIncident, () =>
      api("PATCH", `/api/now/table/incident/${sysIdOf("incident", inc.id)}`, {
        as: itil,
        body: { comments: "Reopening: the relay fails again.", state: String(IncidentState.InProgress) },
      }),
    );
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    expect(settledAs(propose)).toBe("ok");
  });
});
