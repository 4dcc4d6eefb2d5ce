import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ProblemState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAgent, makeCase, makeItil } from "@/lib/testing/fixtures";
import { createProblemFromCase } from "../cases/create-related";
import { getProblemView } from "./read";
import { PROBLEM } from "./specs";
import { updateItsmRecord } from "./update";

const problem = (number: string) => db().problem.findUniqueOrThrow({ where: { number } });

describe("resolving a problem (REC-4)", () => {
  it("REC-4: a problem resolved without notes is refused naming Resolution notes; nothing is saved or synced", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    const { number } = await createProblemFromCase(agent, c.number);
    const before = await problem(number);
    const notes = () => db().journalEntry.count({ where: { table: TABLE.case, recordId: c.id } });
    const notesBefore = await notes();
    await expect(
      updateItsmRecord(PROBLEM, itil, number, {
        version: before.version,
        state: ProblemState.Resolved,
        resolutionCode: "Fix Applied",
        resolutionNotes: " ",
      }),
    ).rejects.toMatchObject({
      kind: "invalid",
      field: "resolutionNotes",
      message: "Resolution notes are required to resolve a problem.",
    });
    expect(await problem(number)).toEqual(before);
    expect(await notes()).toBe(notesBefore);
  });

  it("REC-4 / ITSM-3 / REC-5: resolution code and notes are stored, audited with their labels and synced to the case", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    const { number } = await createProblemFromCase(agent, c.number);
    await updateItsmRecord(PROBLEM, itil, number, {
      version: 1,
      state: ProblemState.Resolved,
      resolutionCode: "Fix Applied",
      resolutionNotes: "Relay disk replaced",
    });
    expect(await problem(number)).toMatchObject({
      state: ProblemState.Resolved,
      resolutionCode: "Fix Applied",
      resolutionNotes: "Relay disk replaced",
    });
    const view = await getProblemView(itil, number);
    expect(view.audit.map((a) => `${a.label}: ${a.oldText} → ${a.newText}`)).toContain(
      "Resolution notes: (empty) → Relay disk replaced",
    );
    const note = await db().journalEntry.findFirstOrThrow({
      where: { table: TABLE.case, recordId: c.id, ruleName: "Update case worknote for problem resolution" },
    });
    expect(note.body).toBe(
      `Problem ${number} resolved.\nResolution code: Fix Applied\nResolution notes: Relay disk replaced`,
    );
    // Closing keeps the stored notes; no need to type them again.
    await updateItsmRecord(PROBLEM, itil, number, { version: 2, state: ProblemState.Closed });
    expect((await problem(number)).state).toBe(ProblemState.Closed);
  });
});
