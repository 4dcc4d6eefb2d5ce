import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { CaseResolutionCode as C, CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAgent, makeCase, makeItil } from "@/lib/testing/fixtures";
import { createChangeFromCase, createProblemFromCase, createRequestFromCase } from "../cases/create-related";
import { setRelatedRecords } from "../cases/related-records";
import { getCaseView } from "../cases/view";
import { runCaseAction } from "../cases/write";
import { postItsmJournal } from "./journal";
import { getProblemView } from "./read";
import { CHANGE, PROBLEM, REQUEST } from "./specs";
import { updateItsmRecord } from "./update";

const synced = (caseId: number) =>
  db().journalEntry.findMany({
    where: { table: TABLE.case, recordId: caseId, ruleName: { not: null } },
    orderBy: { id: "asc" },
  });
const version = async (table: "problem" | "change" | "request", number: string) =>
  table === "problem"
    ? (await db().problem.findUniqueOrThrow({ where: { number } })).version
    : table === "change"
      ? (await db().changeRequest.findUniqueOrThrow({ where: { number } })).version
      : (await db().request.findUniqueOrThrow({ where: { number } })).version;

describe("problem, change and request updates reach the case (ITSM-3, SYNC)", () => {
  it("INC-5 / ITSM-3: a problem's or change's impact or urgency sets its priority from the lookup, as an incident's", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    const { number: prb } = await createProblemFromCase(agent, c.number);
    await updateItsmRecord(PROBLEM, itil, prb, {
      version: await version("problem", prb),
      impact: 1,
      urgency: 1,
    });
    expect(await db().problem.findUniqueOrThrow({ where: { number: prb } })).toMatchObject({ priority: 1 });
    const { number: chg } = await createChangeFromCase(agent, c.number, { type: "normal" });
    await updateItsmRecord(CHANGE, itil, chg, {
      version: await version("change", chg),
      impact: 1,
      urgency: 2,
    });
    expect(await db().changeRequest.findUniqueOrThrow({ where: { number: chg } })).toMatchObject({
      priority: 2,
    });
    // Unchanged impact and urgency leave a priority alone.
    await db().problem.update({ where: { number: prb }, data: { priority: 2 } });
    await updateItsmRecord(PROBLEM, itil, prb, {
      version: await version("problem", prb),
      impact: 1,
      urgency: 1,
    });
    expect(await db().problem.findUniqueOrThrow({ where: { number: prb } })).toMatchObject({ priority: 2 });
  });

  it("ITSM-3: a problem's state, comment and resolution each write one case note", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    const { number } = await createProblemFromCase(agent, c.number);
    await updateItsmRecord(PROBLEM, itil, number, { version: 1, state: 102 });
    await postItsmJournal(PROBLEM, itil, number, { comments: "Looking at logs", workNotes: "internal" });
    await updateItsmRecord(PROBLEM, itil, number, {
      version: 2,
      state: 106,
      resolutionCode: "Duplicate",
      resolutionNotes: "Same as the relay problem",
    });
    expect((await synced(c.id)).map((n) => n.body.split("\n")[0])).toEqual([
      `Problem ${number} state changed: New → Assess`,
      `Problem ${number} — additional comment from ${itil.name}:`,
      `Problem ${number} resolved.`,
    ]);
  });

  it("SYNC-3: a case linked to one change as Change Request and as Caused by Change gets one note per change event", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    const { number } = await createChangeFromCase(agent, c.number, { type: "normal" });
    const caseVersion = (await db().case.findUniqueOrThrow({ where: { id: c.id } })).version;
    await setRelatedRecords(agent, c.number, { version: caseVersion, causedBy: number });
    expect(await db().case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      changeId: expect.any(Number),
      causedById: expect.any(Number),
    });
    await updateItsmRecord(CHANGE, itil, number, { version: 1, state: -4 });
    await postItsmJournal(CHANGE, itil, number, { comments: "CAB approved" });
    expect((await synced(c.id)).map((n) => n.ruleName)).toEqual([
      "Update case worknote for change state change",
      "Update case worknote for change comments",
    ]);
  });

  it("ITSM-3 / SYNC-4: a request's updates reach the case it was made from", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    const { number } = await createRequestFromCase(agent, c.number);
    await updateItsmRecord(REQUEST, itil, number, { version: 1, state: "in_process" });
    await updateItsmRecord(REQUEST, itil, number, { version: 2, state: "closed_complete" });
    expect((await synced(c.id)).map((n) => n.body)).toEqual([
      `Request ${number} state changed: Requested → In Process`,
      `Request ${number} closed complete.`,
    ]);
  });

  it("REC-3 / REC-6: illegal moves and stale saves are refused and change nothing", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    const { number } = await createChangeFromCase(agent, c.number, { type: "normal" });
    await expect(updateItsmRecord(CHANGE, itil, number, { version: 1, state: -2 })).rejects.toMatchObject({
      field: "state",
      message: "A normal change cannot move from New to Scheduled.",
    });
    await updateItsmRecord(CHANGE, itil, number, { version: 1, shortDescription: "renamed" });
    await expect(
      updateItsmRecord(CHANGE, itil, number, { version: 1, shortDescription: "stale" }),
    ).rejects.toMatchObject({ kind: "conflict" });
    expect((await db().changeRequest.findUniqueOrThrow({ where: { number } })).shortDescription).toBe(
      "renamed",
    );
    await expect(updateItsmRecord(CHANGE, agent, number, { version: 2, state: -4 })).rejects.toMatchObject({
      kind: "forbidden",
    });
    expect(await synced(c.id)).toEqual([]);
  });

  it("ITSM-5: with com.sn_cs_sm inactive, a problem takes no change nor comment (and nothing reaches cases); its page offers no form", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    const { number } = await createProblemFromCase(agent, c.number);
    await db().plugin.upsert({
      where: { id: PLUGIN.serviceManagement },
      create: { id: PLUGIN.serviceManagement, name: "x", description: "x", active: false },
      update: { active: false },
    });
    try {
      await expect(updateItsmRecord(PROBLEM, itil, number, { version: 1, state: 102 })).rejects.toMatchObject(
        {
          kind: "forbidden",
          message: "The integration com.sn_cs_sm is not active: its records cannot be changed.",
        },
      );
      await expect(
        postItsmJournal(PROBLEM, itil, number, { comments: "Still there?" }),
      ).rejects.toMatchObject({
        kind: "forbidden",
      });
      expect((await getProblemView(itil, number)).permissions).toEqual({ write: false, journal: false });
    } finally {
      await db().plugin.update({ where: { id: PLUGIN.serviceManagement }, data: { active: true } });
    }
    expect(await synced(c.id)).toEqual([]);
    expect(await version("problem", number)).toBe(1);
    expect((await getProblemView(itil, number)).permissions).toEqual({ write: true, journal: true });
  });
});

describe("resolving a case with a related code (ITSM-4)", () => {
  it("ITSM-4: 'Fixed by closing related PRB' is refused until the problem is resolved; then the case suggests it", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    const { number } = await createProblemFromCase(agent, c.number);
    const v = async () => (await db().case.findUniqueOrThrow({ where: { id: c.id } })).version;
    await expect(
      runCaseAction(agent, c.number, {
        action: "propose_solution",
        version: await v(),
        resolutionCode: C.FixedByProblem,
        resolutionNotes: "fixed",
      }),
    ).rejects.toMatchObject({
      field: "resolutionCode",
      message: `“${C.FixedByProblem}” cannot be used yet: ${number} is New; it must be Resolved or Closed.`,
    });
    expect((await getCaseView(agent, c.number)).suggestion).toBeNull();

    await updateItsmRecord(PROBLEM, itil, number, {
      version: await version("problem", number),
      state: 106,
      resolutionCode: "Fix Applied",
      resolutionNotes: "Patched the job",
      fixNotes: "Patched",
    });
    const view = await getCaseView(agent, c.number);
    expect(view.suggestion).toMatchObject({
      resolutionCode: C.FixedByProblem,
      because: `${number} is Resolved`,
    });
    await runCaseAction(agent, c.number, {
      action: "propose_solution",
      version: await v(),
      resolutionCode: view.suggestion!.resolutionCode,
      resolutionNotes: view.suggestion!.resolutionNotes,
    });
    expect(await db().case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      state: CaseState.Resolved,
      resolutionCode: C.FixedByProblem,
    });
  });

  it("ITSM-4: 'Related Request is Closed Complete' needs a fulfilled request", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    const { number } = await createRequestFromCase(agent, c.number);
    const v = async () => (await db().case.findUniqueOrThrow({ where: { id: c.id } })).version;
    await expect(
      runCaseAction(agent, c.number, {
        action: "propose_solution",
        version: await v(),
        resolutionCode: C.RequestClosedComplete,
        resolutionNotes: "done",
      }),
    ).rejects.toMatchObject({ field: "resolutionCode" });
    await updateItsmRecord(REQUEST, itil, number, { version: 1, state: "in_process" });
    await updateItsmRecord(REQUEST, itil, number, { version: 2, state: "closed_complete" });
    await runCaseAction(agent, c.number, {
      action: "propose_solution",
      version: await v(),
      resolutionCode: C.RequestClosedComplete,
      resolutionNotes: "done",
    });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe(CaseState.Resolved);
  });
});
