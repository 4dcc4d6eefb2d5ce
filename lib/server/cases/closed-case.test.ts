import { DomainError } from "@/lib/domain/errors";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { CaseState as S } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAgent, makeCase, makeItil, makeManager, resolveCase } from "@/lib/testing/fixtures";
import { createIncidentFromCase } from "../incidents/link";
import { postIncidentJournal } from "../incidents/journal";
import { createIncident } from "../incidents/write";
import { addChildCase, removeChildCase } from "../major/children";
import { acceptMajorCase, proposeMajorCase, rejectMajorCase } from "../major/propose";
import { createProblemFromCase, createRequestFromCase } from "./create-related";
import { postCaseJournal } from "./journal";
import { setRelatedRecords } from "./related-records";
import { getCaseView } from "./view";
import { runCaseAction, updateCase } from "./write";

const reload = (id: number) => db().case.findUniqueOrThrow({ where: { id } });

/** Everything a write to the case leaves behind: its row, journal entries and audit rows. */
const footprint = async (id: number) => ({
  row: await reload(id),
  journal: await db().journalEntry.count({ where: { table: TABLE.case, recordId: id } }),
  audit: await db().auditEntry.count({ where: { table: TABLE.case, recordId: id } }),
});

async function closedCase(agent: Actor) {
  const c = await makeCase(agent);
  await resolveCase(agent, c.number);
  await runCaseAction(agent, c.number, { action: "close", version: 3 });
  return reload(c.id);
}

async function cancelledCase(agent: Actor) {
  const c = await makeCase(agent);
  await runCaseAction(agent, c.number, { action: "cancel", version: 1 });
  return reload(c.id);
}

describe("a Closed or Cancelled case cannot be changed (SPEC §1, REC-3)", () => {
  it("REC-3: the composer's post on a Closed or Cancelled case is refused, naming the field; nothing is written", async () => {
    const agent = await makeAgent();
    for (const c of [await closedCase(agent), await cancelledCase(agent)]) {
      const before = await footprint(c.id);
      const label = c.state === S.Closed ? "Closed" : "Cancelled";
      await expect(postCaseJournal(agent, c.number, { workNotes: "late note" })).rejects.toMatchObject({
        kind: "invalid",
        field: "workNotes",
        message: `This case is ${label} and cannot be changed.`,
      });
      await expect(postCaseJournal(agent, c.number, { comments: "late comment" })).rejects.toMatchObject({
        kind: "invalid",
        field: "comments",
      });
      expect(await footprint(c.id)).toEqual(before);
    }
  });

  it("REC-3: the case page offers no composer on a Closed or Cancelled case, and does on an open one", async () => {
    const agent = await makeAgent();
    const open = await makeCase(agent);
    expect((await getCaseView(agent, open.number)).permissions.journal).toBe(true);
    for (const c of [await closedCase(agent), await cancelledCase(agent)]) {
      const view = await getCaseView(agent, c.number);
      expect(view.permissions).toMatchObject({ journal: false, write: false, editRelated: false });
      expect(view.actions).toEqual([]);
      expect(view.menu).toEqual([]);
    }
  });

  it("REC-3: no other write path changes a Closed case: fields, lifecycle, related records, menu items, major case", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    const c = await closedCase(agent);
    const before = await footprint(c.id);
    const attempts: [string, () => Promise<unknown>][] = [
      ["update", () => updateCase(agent, c.number, { version: c.version, priority: 1 })],
      ["reopen", () => runCaseAction(agent, c.number, { action: "reopen", version: c.version })],
      ["related", () => setRelatedRecords(manager, c.number, { version: c.version, problem: "" })],
      ["incident", () => createIncidentFromCase(agent, c.number)],
      ["problem", () => createProblemFromCase(manager, c.number)],
      ["request", () => createRequestFromCase(manager, c.number)],
      ["propose", () => proposeMajorCase(agent, c.number, { workNotes: "n", businessImpact: "b" })],
    ];
    // Each refused as an expected domain error that names why (not any error: a crash would pass that).
    const why = /closed|only new, open or awaiting info/i;
    for (const [what, attempt] of attempts) {
      const refused = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused, what).toBeInstanceOf(DomainError);
      expect((refused as DomainError).message, what).toMatch(why);
    }
    expect(await footprint(c.id)).toEqual(before);
  });

  it("REC-3 / MAJ-1: a proposal whose case was cancelled meanwhile can be neither rejected nor accepted", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    const c = await makeCase(agent);
    await proposeMajorCase(agent, c.number, { workNotes: "n", businessImpact: "b" });
    await runCaseAction(agent, c.number, { action: "cancel", version: (await reload(c.id)).version });
    const before = await footprint(c.id);
    await expect(rejectMajorCase(manager, c.number, "Not major")).rejects.toMatchObject({
      kind: "invalid",
      field: "state",
      message: "This case is Cancelled and cannot be changed.",
    });
    await expect(acceptMajorCase(manager, c.number)).rejects.toMatchObject({ field: "state" });
    expect(await footprint(c.id)).toEqual(before);
  });

  it("REC-3 / MAJ-2: a Closed major case takes no children and gives none back", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    const candidate = await makeCase(agent);
    await proposeMajorCase(agent, candidate.number, { workNotes: "n", businessImpact: "b" });
    const { major } = await acceptMajorCase(manager, candidate.number);
    const m = await db().case.findUniqueOrThrow({ where: { number: major } });
    // A child left open under a closed major case (as data written before MAJ-5 closed them all).
    await db().case.update({ where: { id: m.id }, data: { state: S.Closed } });
    await db().case.update({ where: { id: candidate.id }, data: { state: S.Open } });
    const before = await footprint(m.id);
    await expect(removeChildCase(manager, major, candidate.number)).rejects.toMatchObject({
      field: "state",
      message: `${major} is Closed and cannot be changed.`,
    });
    await expect(addChildCase(manager, major, (await makeCase(agent)).number)).rejects.toMatchObject({
      field: "state",
    });
    expect(await footprint(m.id)).toEqual(before);
    expect((await reload(candidate.id)).parentId).toBe(m.id);
  });

  // Decision (lib/server/cases/journal.ts): a sync note is the system's record of what happened to
  // a linked record, not a change of the case by a person; SYNC-4 sends it to every linked case.
  it("SYNC-4: a linked record's update still reaches a Closed case's work notes (written by the system)", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    const incident = await createIncident(itil, { shortDescription: "Shared outage" });
    const { associateIncident } = await import("../incidents/link");
    await associateIncident(agent, c.number, incident.number);
    await runCaseAction(agent, c.number, { action: "cancel", version: (await reload(c.id)).version });
    await postIncidentJournal(itil, incident.number, { comments: "Root cause found" });
    const note = await db().journalEntry.findFirst({
      where: { table: TABLE.case, recordId: c.id, body: { contains: "Root cause found" } },
    });
    expect(note).toMatchObject({ kind: "work_notes", authorId: null, authorName: "System" });
    expect((await reload(c.id)).state).toBe(S.Cancelled);
  });
});
