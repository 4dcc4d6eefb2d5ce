// MAJ-5: the manager confirms the question shown; children that joined (or left) the major case
// while the dialog was open make a different question, asked again — nothing is saved until then.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAgent, makeCase, makeManager } from "@/lib/testing/fixtures";
import { makeMajorCase } from "@/lib/testing/major";
import { postCaseJournal } from "../cases/journal";
import { runCaseAction } from "../cases/write";
import { addChildCase } from "./children";

const questionOf = async (p: Promise<unknown>) => {
  const e = (await p.then(
    () => null,
    (x: unknown) => x,
  )) as { kind?: string; message?: string } | null;
  expect(e?.kind).toBe("confirm");
  return e!.message!;
};
const notesOn = (ids: number[], body: string) =>
  db().journalEntry.count({ where: { table: TABLE.case, recordId: { in: ids }, body } });

describe("MAJ-5: a confirmation covers the children it named", () => {
  it("MAJ-5: a work note confirmed for 1 child is asked again when a second joined meanwhile; then reaches both", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    const { major, children } = await makeMajorCase(agent, manager);
    const post = (confirmChildren?: string) =>
      postCaseJournal(manager, major.number, { workNotes: "Bridge call at 15:00", confirmChildren });
    const shown = await questionOf(post());
    expect(shown).toMatch(/^This will update 1 child case:/);
    const joined = await makeCase(agent);
    await addChildCase(manager, major.number, joined.number);
    const again = await questionOf(post(shown));
    expect(again).toMatch(/^This will update 2 child cases:/);
    const ids = [children[0].id, joined.id];
    expect(await notesOn([major.id, ...ids], "Bridge call at 15:00")).toBe(0);
    await post(again);
    expect(await notesOn(ids, "Bridge call at 15:00")).toBe(2);
  });

  it("MAJ-2 / MAJ-5: Cancel confirmed for the children it released is asked again when another joined; a made-up answer confirms nothing", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    const { major } = await makeMajorCase(agent, manager);
    const cancel = async (confirmChildren?: string) => {
      const m = await db().case.findUniqueOrThrow({ where: { id: major.id } });
      return runCaseAction(manager, m.number, { action: "cancel", version: m.version, confirmChildren });
    };
    const shown = await questionOf(cancel());
    expect(await questionOf(cancel("yes please"))).toBe(shown);
    // A page from before questions were sent back answers "1": asked again, never a yes.
    expect(await questionOf(cancel("1"))).toBe(shown);
    await addChildCase(manager, major.number, (await makeCase(agent)).number);
    const again = await questionOf(cancel(shown));
    expect(again).not.toBe(shown);
    expect(again).toMatch(/2 child cases/);
    expect((await db().case.findUniqueOrThrow({ where: { id: major.id } })).state).toBe(major.state);
    await cancel(again);
    expect((await db().case.findUniqueOrThrow({ where: { id: major.id } })).state).toBe(CaseState.Cancelled);
    expect(
      await db().case.count({ where: { parentId: major.id, state: { not: CaseState.Cancelled } } }),
    ).toBe(0);
  });
});
