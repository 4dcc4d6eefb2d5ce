// PERF-3 for major cases: a major case with 1,000 children — one comment on the shared incident
// (noted once on the major case, copied to every child) and one state change on the major case
// (copied to every child, audited) — each beside a plain batch insert of the same number of rows.
import { db } from "@/lib/db";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { loadActor } from "@/lib/server/auth/load-actor";
import { runCaseAction } from "@/lib/server/cases/write";
import { postIncidentJournal } from "@/lib/server/incidents/journal";
import { createIncident } from "@/lib/server/incidents/write";
import { BENCH_AGENT } from "./dataset.mts";
import { median, msList, vsBaseline, type Row } from "./report.mts";

const CHILDREN = 1_000;

export async function majorMetrics(log: (m: string) => void): Promise<Row[]> {
  const user = await db().user.findUniqueOrThrow({ where: { email: BENCH_AGENT } });
  const actor = (await loadActor(user.id))!;
  // A slice of the data set not used by the other fan-out measurements.
  const pool = await db().case.findMany({
    where: { number: { startsWith: "CS5" } },
    select: { id: true },
    orderBy: { id: "asc" },
    skip: 20_000,
    take: CHILDREN,
  });
  const [first, last] = [pool[0].id, pool.at(-1)!.id];
  const baseline: number[] = [];
  const comment: number[] = [];
  const state: number[] = [];
  for (let run = 0; run < 3; run++) {
    const stamp = `${Date.now()}-${run}`;
    const incident = await createIncident(actor, { shortDescription: `Bench major ${stamp}` });
    const major = await db().case.create({
      data: {
        number: `CSMAJ${stamp}`,
        shortDescription: `Bench major ${stamp}`,
        state: CaseState.Open,
        majorCaseState: "accepted",
        incidentId: incident.id,
        openedById: actor.id,
      },
    });
    await db().case.updateMany({
      where: { id: { gte: first, lte: last } },
      data: { parentId: major.id, incidentId: incident.id, state: CaseState.Open },
    });

    let t = performance.now();
    await db().$transaction((tx) =>
      tx.journalEntry.createMany({
        data: pool.map((c) => ({
          table: TABLE.case,
          recordId: c.id,
          kind: "work_notes",
          body: `Baseline ${stamp}`,
          authorName: "Bench",
          eventKey: `major-baseline-${stamp}`,
        })),
      }),
    );
    baseline.push(performance.now() - t);

    t = performance.now();
    await postIncidentJournal(actor, incident.number, { comments: `Major fan-out ${stamp}` });
    comment.push(performance.now() - t);
    const copies = await db().journalEntry.count({
      where: {
        table: TABLE.case,
        recordId: { gte: first, lte: last },
        body: { contains: `Major fan-out ${stamp}` },
      },
    });
    if (copies !== CHILDREN) throw new Error(`comment reached ${copies} children, expected ${CHILDREN}`);

    t = performance.now();
    await runCaseAction(actor, major.number, {
      action: "request_info",
      version: major.version,
      // NOT-1: Request Info asks the customer something (the major case's own customer: none here).
      question: "Which stores still fail?",
      confirmChildren: true,
    });
    state.push(performance.now() - t);
    const moved = await db().case.count({ where: { parentId: major.id, state: CaseState.AwaitingInfo } });
    if (moved !== CHILDREN) throw new Error(`state reached ${moved} children, expected ${CHILDREN}`);
  }
  log(
    `major case with ${CHILDREN} children: comment ${msList(comment)} ms; ` +
      `state ${msList(state)} ms; baseline ${msList(baseline)} ms`,
  );
  const b = median(baseline);
  return [
    vsBaseline("PERF-3 shared incident comment → major + 1,000 children", comment, b),
    vsBaseline("PERF-3 major case state change → 1,000 children", state, b),
    { metric: "PERF-3 baseline: batch insert 1,000 notes", value: b, unit: "ms", goal: "—", pass: null },
  ];
}
