// PERF-2 (single operations) and PERF-3 (fan-out beside a plain batch insert of the same rows).
import { db } from "@/lib/db";
import { TABLE } from "@/lib/domain/records/tables";
import { ChangeState, IncidentState } from "@/lib/domain/records/choices";
import { loadActor } from "@/lib/server/auth/load-actor";
import { postCaseJournal } from "@/lib/server/cases/journal";
import { createCase } from "@/lib/server/cases/write";
import { createIncidentFromCase } from "@/lib/server/incidents/link";
import { postIncidentJournal } from "@/lib/server/incidents/journal";
import { createIncident, updateIncident } from "@/lib/server/incidents/write";
import { CHANGE } from "@/lib/server/itsm/specs";
import { updateItsmRecord } from "@/lib/server/itsm/update";
import { BENCH_AGENT } from "./dataset.mts";
import { median, msList, p95Row, vsBaseline, type Row } from "./report.mts";

const FANOUT = 10_000;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

export async function fanoutMetrics(log: (m: string) => void): Promise<Row[]> {
  const user = await db().user.findUniqueOrThrow({ where: { email: BENCH_AGENT } });
  const actor = (await loadActor(user.id))!;
  const rows: Row[] = [];

  // PERF-3: one incident comment reaching 10,000 linked cases, in the transaction of the comment.
  const incident = await createIncident(actor, { shortDescription: `Bench fan-out ${Date.now()}` });
  const targets = await db().case.findMany({
    where: { number: { startsWith: "CS5" } },
    select: { id: true },
    orderBy: { id: "asc" },
    take: FANOUT,
  });
  await db().case.updateMany({
    where: { id: { gte: targets[0].id, lte: targets.at(-1)!.id } },
    data: { incidentId: incident.id },
  });
  const fanout: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < 3; run++) {
    const stamp = `${Date.now()}-${run}`;
    // The same rows as one plain batch insert: 10,000 work notes, one transaction.
    const [b] = await timed(() =>
      db().$transaction(
        (tx) =>
          tx.journalEntry.createMany({
            data: targets.map((t) => ({
              table: TABLE.case,
              recordId: t.id,
              kind: "work_notes",
              body: `Baseline ${stamp}`,
              authorName: "Bench",
              sourceTable: "incident",
              sourceId: incident.id,
              sourceNumber: incident.number,
              eventKey: `baseline-${stamp}`,
              ruleName: "baseline",
            })),
          }),
        { timeout: 120_000 },
      ),
    );
    baseline.push(b);
    const [f] = await timed(() =>
      postIncidentJournal(actor, incident.number, { comments: `Fan-out ${stamp}` }),
    );
    fanout.push(f);
    const written = await db().journalEntry.count({
      where: { table: TABLE.case, body: { contains: `Fan-out ${stamp}` } },
    });
    if (written !== FANOUT) throw new Error(`fan-out wrote ${written} notes, expected ${FANOUT}`);
  }
  log(`fan-out to ${FANOUT}: ${msList(fanout)} ms; baseline ${msList(baseline)} ms`);
  rows.push(vsBaseline("PERF-3 incident comment → 10,000 cases", fanout, median(baseline)), {
    metric: "PERF-3 baseline: batch insert 10,000 notes",
    value: median(baseline),
    unit: "ms",
    goal: "—",
    pass: null,
  });

  // PERF-3 (issue 4): a change request closing, with 10,000 linked cases (half of them linked to it
  // both as Change Request and as Caused by Change: still one note each).
  const closes: number[] = [];
  const first = targets[0].id;
  const last = targets.at(-1)!.id;
  const middle = targets[Math.floor(targets.length / 2)].id;
  for (let run = 0; run < 3; run++) {
    const change = await db().changeRequest.create({
      data: {
        number: `CHGBENCH${Date.now()}${run}`,
        shortDescription: `Bench change ${run}`,
        state: ChangeState.Review,
        requestedById: actor.id,
      },
    });
    await db().case.updateMany({ where: { id: { gte: first, lte: last } }, data: { changeId: change.id } });
    await db().case.updateMany({
      where: { id: { gte: first, lt: middle } },
      data: { causedById: change.id },
    });
    const [t] = await timed(() =>
      updateItsmRecord(CHANGE, actor, change.number, {
        version: 1,
        state: ChangeState.Closed,
        closeCode: "Successful",
        closeNotes: "Bench",
      }),
    );
    closes.push(t);
    const written = await db().journalEntry.count({
      where: { table: TABLE.case, sourceId: change.id, sourceTable: "change_request" },
    });
    if (written !== FANOUT) throw new Error(`change close wrote ${written} notes, expected ${FANOUT}`);
  }
  log(`change close to ${FANOUT}: ${msList(closes)} ms`);
  rows.push(vsBaseline("PERF-3 change close → 10,000 cases", closes, median(baseline)));

  // PERF-2: the operations an agent and a fulfiller do all day.
  const create: number[] = [];
  const note: number[] = [];
  const state: number[] = [];
  for (let i = 0; i < 40; i++) {
    const c = await createCase(actor, { shortDescription: `Bench op ${i}`, priority: 2 });
    const [t1, linked] = await timed(() => createIncidentFromCase(actor, c.number));
    create.push(t1);
    const [t2] = await timed(() => postCaseJournal(actor, c.number, { workNotes: `Bench note ${i}` }));
    note.push(t2);
    const [t3] = await timed(() =>
      updateIncident(actor, linked.incidentNumber, { version: 1, state: IncidentState.InProgress }),
    );
    state.push(t3);
  }
  rows.push(
    p95Row("PERF-2 Create Incident from a case p95", create),
    p95Row("PERF-2 add a work note p95", note),
    p95Row("PERF-2 change an incident state p95", state),
  );
  return rows;
}
