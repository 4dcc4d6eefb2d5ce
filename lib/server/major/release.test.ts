// MAJ-2 / MAJ-5: a major case that is closed or cancelled lets go of the children its change left
// open; each is an ordinary case again (before, it stayed under a major case nobody could change,
// with no Additional actions and read-only Related Records, for good).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { CaseState as S } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAdmin, makeAgent, makeManager } from "@/lib/testing/fixtures";
import { makeMajorCase } from "@/lib/testing/major";
import { rejection } from "@/lib/testing/refusal";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { getCaseView } from "../cases/view";
import { runCaseAction } from "../cases/write";
import { createIncidentFromCase } from "../incidents/link";
import { updateProperty } from "../properties/admin";

const row = (id: number) => db().case.findUniqueOrThrow({ where: { id } });

/** A child resolved on its own (Accept, then Propose Solution). */
async function resolveOnItsOwn(agent: Actor, child: { number: string; version: number }) {
  await runCaseAction(agent, child.number, { action: "accept", version: child.version });
  await runCaseAction(agent, child.number, {
    action: "propose_solution",
    version: child.version + 1,
    resolutionCode: "Solved (Permanently)",
    resolutionNotes: "Fixed locally",
  });
}

async function majorWith(children: number) {
  const agent = await makeAgent();
  const manager = await makeManager();
  const { major, children: kids } = await makeMajorCase(agent, manager, { more: children - 1 });
  return { agent, manager, major, kids };
}

const cancel = async (manager: Awaited<ReturnType<typeof makeManager>>, id: number) =>
  runCaseAction(manager, (await row(id)).number, {
    action: "cancel",
    version: (await row(id)).version,
    confirmChildren: true,
  });

describe("a finished major case lets go of its children (MAJ-2, MAJ-5)", () => {
  it("MAJ-2: cancelling a major case cancels its open children and releases a Resolved one, which can then get an incident", async () => {
    const { agent, manager, major, kids } = await majorWith(3);
    const [open, resolved] = kids;
    await resolveOnItsOwn(agent, await row(resolved.id));
    // The one question the manager confirms names the release too (it released them unannounced).
    const asked = await rejection(
      runCaseAction(manager, major.number, { action: "cancel", version: (await row(major.id)).version }),
    );
    expect(asked).toEqual({
      kind: "confirm",
      message:
        "This will update 2 child cases: each open one becomes Cancelled; 1 other child case is released: " +
        "each becomes an ordinary case again.",
    });
    await cancel(manager, major.id);
    expect((await row(open.id)).state).toBe(S.Cancelled);
    const freed = await row(resolved.id);
    expect([freed.state, freed.parentId]).toEqual([S.Resolved, null]);
    const notes = await db().journalEntry.findMany({
      where: { table: TABLE.case, recordId: resolved.id, kind: "work_notes" },
      select: { body: true },
    });
    expect(notes.map((n) => n.body)).toContain(
      `Released from major case ${major.number} is Cancelled: an ordinary case again.`,
    );
    const audit = await db().auditEntry.findFirst({
      where: { table: TABLE.case, recordId: resolved.id, field: "parentId" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ oldValue: String(major.id), newValue: null, userId: manager.id });
    // The customer rejects the solution later: an ordinary Open case, with its Additional actions.
    await runCaseAction(agent, freed.number, { action: "reopen", version: freed.version });
    expect((await getCaseView(agent, freed.number)).menu).toContain("Create Incident");
    await createIncidentFromCase(agent, freed.number);
    expect((await row(resolved.id)).incidentId).not.toBeNull();
  });

  it("MAJ-2: with state not synced, cancelling a major case releases its open children as they are", async () => {
    const admin = await makeAdmin();
    const setting = await db().systemProperty.findUnique({ where: { name: PROPERTY.caseFieldsToSync } });
    const before = setting?.value ?? "priority,state,comments,work_notes,close_notes,resolution_code";
    await updateProperty(admin, {
      name: PROPERTY.caseFieldsToSync,
      value: "priority",
      version: setting?.version ?? 0,
    });
    try {
      const { manager, major, kids } = await majorWith(2);
      await cancel(manager, major.id);
      for (const k of kids) expect(await row(k.id)).toMatchObject({ state: S.New, parentId: null });
      expect((await row(major.id)).state).toBe(S.Cancelled);
      const majorNotes = await db().journalEntry.findMany({
        where: { table: TABLE.case, recordId: major.id, body: { contains: "released" } },
      });
      expect(majorNotes).toHaveLength(1);
      expect(majorNotes[0].body).toBe(
        `2 child cases released: ${major.number} is Cancelled; each is an ordinary case again.`,
      );
    } finally {
      const now = await db().systemProperty.findUniqueOrThrow({ where: { name: PROPERTY.caseFieldsToSync } });
      await updateProperty(admin, { name: PROPERTY.caseFieldsToSync, value: before, version: now.version });
    }
  });

  it("MAJ-5: releasing is a major issue manager's change, confirmed first; an agent is refused and nothing moves", async () => {
    const { agent, manager, major, kids } = await majorWith(1);
    const child = kids[0];
    await resolveOnItsOwn(agent, child);
    const cancel = (who: typeof agent, confirm?: string | true) =>
      row(major.id).then((m) =>
        runCaseAction(who, m.number, { action: "cancel", version: m.version, confirmChildren: confirm }),
      );
    await expect(cancel(agent)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(cancel(manager)).rejects.toMatchObject({
      kind: "confirm",
      message: "This will release 1 child case: each becomes an ordinary case again.",
    });
    expect(await row(major.id)).toMatchObject({ state: major.state });
    expect((await row(child.id)).parentId).toBe(major.id);
    await cancel(manager, true);
    expect((await row(child.id)).parentId).toBeNull();
  });
});
