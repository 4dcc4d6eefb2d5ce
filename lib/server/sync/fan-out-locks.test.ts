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
import { makeAgent, makeCase, makeItil, makeManager } from "@/lib/testing/fixtures";
import { postCaseJournal } from "../cases/journal";
import { createProblemFromCase } from "../cases/create-related";
import { createIncidentFromCase } from "../incidents/link";
import { postIncidentJournal } from "../incidents/journal";
import { postItsmJournal } from "../itsm/journal";
import { PROBLEM } from "../itsm/specs";
import { notifyCustomers } from "../proactive/notify";

/** `make(i)`'s writes for each of `rounds`, all at once: the errors of those that failed. */
async function failures(rounds: number, make: (i: number) => Promise<unknown>[]): Promise<string[]> {
  const results = await Promise.allSettled(Array.from({ length: rounds }, (_, i) => make(i)).flat());
  return results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
}

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
    expect(
      await failures(rounds, (i) => [
        postIncidentJournal(itil, incidentNumber, { comments: `Incident update ${i}` }),
        postItsmJournal(PROBLEM, itil, problemNumber, { comments: `Problem update ${i}` }),
      ]),
    ).toEqual([]);
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

  it("SYNC-4 / MAJ-4: an incident's comments while the manager writes work notes on the major case, its child older than it, all succeed", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const manager = await makeManager();
    // The child first, as the accepted candidate is: its id is lower than its major case's.
    const child = await makeCase(agent);
    const major = await makeCase(agent);
    const { incidentNumber } = await createIncidentFromCase(agent, major.number);
    await db().case.update({
      where: { id: major.id },
      data: { state: CaseState.Open, majorCaseState: MajorCaseState.Accepted },
    });
    await db().case.update({ where: { id: child.id }, data: { state: CaseState.Open, parentId: major.id } });

    const rounds = 12;
    expect(
      await failures(rounds, (i) => [
        postIncidentJournal(itil, incidentNumber, { comments: `Outage update ${i}` }),
        postCaseJournal(manager, major.number, { workNotes: `Coordination ${i}`, confirmChildren: true }),
      ]),
    ).toEqual([]);
    const notes = (text: string) =>
      db().journalEntry.count({
        where: { table: TABLE.case, recordId: child.id, kind: "work_notes", body: { contains: text } },
      });
    expect(await notes("Outage update")).toBe(rounds);
    expect(await notes("Coordination")).toBe(rounds);
  });

  it("SYNC-4 / PRO-3: an incident's comments while Notify Customers reaches its older case and its major case, all succeed", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    // The older case first (lower id), then the major case with a child, all on one incident.
    const older = await makeCase(agent);
    const { incidentNumber } = await createIncidentFromCase(agent, older.number);
    const incident = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    const major = await makeCase(agent);
    const child = await makeCase(agent);
    const open = { state: CaseState.Open };
    await db().case.update({
      where: { id: major.id },
      data: { ...open, majorCaseState: MajorCaseState.Accepted, incidentId: incident.id },
    });
    await db().case.update({ where: { id: child.id }, data: { ...open, parentId: major.id } });
    await db().case.update({ where: { id: older.id }, data: open });

    const rounds = 8;
    expect(
      await failures(rounds, (i) => [
        postIncidentJournal(itil, incidentNumber, { comments: `Outage note ${i}` }),
        notifyCustomers(agent, {
          cases: `${older.number},${major.number}`,
          message: `We are on it ${i}`,
          requestId: `lock-order-${major.number}-${i}`,
        }),
      ]),
    ).toEqual([]);
  });

  it("SYNC-4 / PRO-3: two Notify Customers at once, one through a major case to its older child, the other to that child directly, both succeed", async () => {
    const agent = await makeAgent();
    // The child first (lowest id), then its major case, then another case both notifications reach.
    const child = await makeCase(agent);
    const major = await makeCase(agent);
    const other = await makeCase(agent);
    const open = { state: CaseState.Open };
    await db().case.update({
      where: { id: major.id },
      data: { ...open, majorCaseState: MajorCaseState.Accepted },
    });
    await db().case.update({ where: { id: child.id }, data: { ...open, parentId: major.id } });
    await db().case.update({ where: { id: other.id }, data: open });

    const rounds = 10;
    const notify = (cases: string, i: number, tag: string) =>
      notifyCustomers(agent, {
        cases,
        message: `Update ${tag} ${i}`,
        requestId: `cross-${tag}-${major.number}-${i}`,
      });
    expect(
      await failures(rounds, (i) => [
        notify(`${major.number},${other.number}`, i, "major"),
        notify(`${child.number},${other.number}`, i, "child"),
      ]),
    ).toEqual([]);
  });
});
