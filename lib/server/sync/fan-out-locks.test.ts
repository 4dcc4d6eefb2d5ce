// SYNC-4 / MAJ-4: two fan-outs at once whose cases cross — an incident's comment reaching, as a copy
// to a major case's child, a case that a problem's comment reaches directly, and the other way round.
// Each fan-out wrote its direct notes and its copies in two statements, each locking its own cases;
// on PostgreSQL the two transactions then waited on each other and one failed with a deadlock. Now
// every case a fan-out reaches is locked first, in one ordered statement. (SQLite runs one write
// transaction at a time: the test holds there trivially.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CaseState, MajorCaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAgent, makeCase, makeItil } from "@/lib/testing/fixtures";
import { createProblemFromCase } from "../cases/create-related";
import { createIncidentFromCase } from "../incidents/link";
import { postIncidentJournal } from "../incidents/journal";
import { postItsmJournal } from "../itsm/journal";
import { PROBLEM } from "../itsm/specs";

describe("crossing fan-outs (SYNC-4, MAJ-4)", () => {
  it("SYNC-4 / MAJ-4: an incident's and a problem's comments at once, each reaching the other's cases as copies, both succeed", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const { incidentNumber } = await createIncidentFromCase(agent, (await makeCase(agent)).number);
    const { number: problemNumber } = await createProblemFromCase(agent, (await makeCase(agent)).number);
    const incident = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    const problem = await db().problem.findUniqueOrThrow({ where: { number: problemNumber } });
    const open = { state: CaseState.Open };
    const major = { ...open, majorCaseState: MajorCaseState.Accepted };
    // M (incident) has child C, which has the problem; M3 (problem) has child O, which has the incident.
    const m = await makeCase(agent);
    const m3 = await makeCase(agent);
    const c = await makeCase(agent);
    const o = await makeCase(agent);
    await db().case.update({ where: { id: m.id }, data: { ...major, incidentId: incident.id } });
    await db().case.update({ where: { id: m3.id }, data: { ...major, problemId: problem.id } });
    await db().case.update({ where: { id: c.id }, data: { ...open, problemId: problem.id, parentId: m.id } });
    await db().case.update({
      where: { id: o.id },
      data: { ...open, incidentId: incident.id, parentId: m3.id },
    });

    const rounds = 12;
    const results = await Promise.allSettled(
      Array.from({ length: rounds }, (_, i) => [
        postIncidentJournal(itil, incidentNumber, { comments: `Incident update ${i}` }),
        postItsmJournal(PROBLEM, itil, problemNumber, { comments: `Problem update ${i}` }),
      ]).flat(),
    );
    expect(results.filter((r) => r.status === "rejected").map((r) => String(r.reason))).toEqual([]);
    // Each case got every note meant for it: C the incident's copies and the problem's own notes.
    const notes = (caseId: number, text: string) =>
      db().journalEntry.count({
        where: { table: TABLE.case, recordId: caseId, kind: "work_notes", body: { contains: text } },
      });
    for (const id of [c.id, o.id]) {
      expect(await notes(id, "Incident update")).toBe(rounds);
      expect(await notes(id, "Problem update")).toBe(rounds);
    }
  });
});
