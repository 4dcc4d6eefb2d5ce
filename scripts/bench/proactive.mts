// PERF-3 (issue 9): Create Proactive Cases for every account of the data set (5,000 at scale 1),
// beside a plain batch insert of the same rows (cases, origins, work notes) in the same run.
import { db } from "@/lib/db";
import { TABLE } from "@/lib/domain/records/tables";
import { loadActor } from "@/lib/server/auth/load-actor";
import { createIncident } from "@/lib/server/incidents/write";
import { createProactiveCases } from "@/lib/server/proactive/create";
import { BENCH_AGENT } from "./dataset.mts";
import { median, msList, vsBaseline, type Row } from "./report.mts";

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

/** An incident with every account of the data set affected (setup, not measured). */
async function affectedIncident(
  actor: NonNullable<Awaited<ReturnType<typeof loadActor>>>,
  accountIds: number[],
) {
  const incident = await createIncident(actor, { shortDescription: `Bench outage ${Date.now()}`, impact: 1 });
  await db().incidentAffectedAccount.createMany({
    data: accountIds.map((accountId) => ({ incidentId: incident.id, accountId })),
  });
  return incident;
}

export async function proactiveMetrics(log: (m: string) => void): Promise<Row[]> {
  const user = await db().user.findUniqueOrThrow({ where: { email: BENCH_AGENT } });
  const actor = (await loadActor(user.id))!;
  const accountIds = (await db().account.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map(
    (a) => a.id,
  );
  const n = accountIds.length;
  const runs: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < 3; run++) {
    const stamp = `${Date.now()}-${run}`;
    // The same rows as one plain batch insert: N cases, their N origins and N work notes.
    const plain = await affectedIncident(actor, accountIds);
    const [b] = await timed(() =>
      db().$transaction(
        async (tx) => {
          const cases = await tx.case.createManyAndReturn({
            data: accountIds.map((accountId, i) => ({
              number: `CSB${stamp}-${i}`,
              shortDescription: plain.number,
              accountId,
              incidentId: plain.id,
              proactive: true,
              channel: "proactive",
              openedById: actor.id,
            })),
            select: { id: true, accountId: true },
          });
          await tx.proactiveCase.createMany({
            data: cases.map((c) => ({ incidentId: plain.id, accountId: c.accountId!, caseId: c.id })),
          });
          await tx.journalEntry.createMany({
            data: cases.map((c) => ({
              table: TABLE.case,
              recordId: c.id,
              kind: "work_notes",
              body: `Baseline ${stamp}`,
              authorId: actor.id,
              authorName: actor.name,
            })),
          });
        },
        { timeout: 120_000 },
      ),
    );
    baseline.push(b);
    const incident = await affectedIncident(actor, accountIds);
    const [t, result] = await timed(() => createProactiveCases(actor, incident.number));
    runs.push(t);
    const made = await db().proactiveCase.count({ where: { incidentId: incident.id } });
    if (made !== n)
      throw new Error(`Create Proactive Cases made ${made} cases, expected ${n}: ${result.message}`);
  }
  log(`Create Proactive Cases for ${n} accounts: ${msList(runs)} ms; baseline ${msList(baseline)} ms`);
  return [
    vsBaseline(`PERF-3 Create Proactive Cases → ${n.toLocaleString("en")} accounts`, runs, median(baseline)),
    {
      metric: `PERF-3 baseline: batch insert ${n.toLocaleString("en")} cases, origins, notes`,
      value: median(baseline),
      unit: "ms",
      goal: "—",
      pass: null,
    },
  ];
}
