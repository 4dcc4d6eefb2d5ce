// PERF-9 / NOT-5: one pass of the SLA job over the data set's cases, each with a running resolution
// timer (100,000 at scale 1): 1 in 100 past its due time (breached), 1 in 100 due within the
// warning window, the rest later. The pass records each once and emails the assignees; the timers
// are reset before each run, so every run does the same work.
import { db, dialect, Prisma } from "@/lib/db";
import { SLA_WARNING_MS } from "@/lib/domain/sla/timer";
import { recordSlaBreaches } from "@/lib/server/jobs/sla";
import type { Row } from "./report.mts";

const RUNS = 3;

/** Every case gets its resolution timer (once), due as the comment above says. */
async function resetTimers(now: Date) {
  // PostgreSQL types a bare parameter in a CASE as text; SQLite stores the value as given.
  const at = (ms: number) =>
    dialect() === "postgresql"
      ? Prisma.sql`CAST(${new Date(now.getTime() + ms)} AS TIMESTAMP(3))`
      : Prisma.sql`${new Date(now.getTime() + ms)}`;
  // Due as above; warned 30 minutes before (24×7: SLA_WARNING_MS of working time is 30 minutes).
  const dueIn = (before: number) => Prisma.sql`CASE WHEN "id" % 100 = 0 THEN ${at(-3_600_000 - before)}
    WHEN "id" % 100 = 1 THEN ${at(10 * 60_000 - before)} ELSE ${at(86_400_000 - before)} END`;
  const [due, warn] = [dueIn(0), dueIn(SLA_WARNING_MS)];
  await db().$executeRaw`
    INSERT INTO "CaseSla" ("caseId", "kind", "clock", "targetMs", "elapsedMs", "runningSince", "dueAt", "warnAt",
      "createdAt")
    SELECT "id", 'resolution', '24x7', ${86_400_000}, 0, ${now}, ${due}, ${warn}, ${now} FROM "Case"
    WHERE true -- SQLite reads ON CONFLICT after a bare SELECT … FROM as a join's ON
    ON CONFLICT DO NOTHING`;
  await db().$executeRaw`
    UPDATE "CaseSla" SET "breachedAt" = NULL, "warnedAt" = NULL, "stoppedAt" = NULL, "runningSince" = ${now},
      "dueAt" = (SELECT ${due} FROM "Case" k WHERE k."id" = "CaseSla"."caseId"),
      "warnAt" = (SELECT ${warn} FROM "Case" k WHERE k."id" = "CaseSla"."caseId")
    WHERE "kind" = 'resolution'`;
  return db().caseSla.count({ where: { kind: "resolution", stoppedAt: null } });
}

export async function slaMetrics(log: (m: string) => void): Promise<Row[]> {
  const times: number[] = [];
  let timers = 0;
  let last = { breached: 0, warned: 0 };
  for (let i = 0; i < RUNS; i++) {
    const now = new Date();
    timers = await resetTimers(now);
    const t = performance.now();
    last = await recordSlaBreaches({ now });
    times.push(performance.now() - t);
  }
  // The emails are the job's doing, not the bench's: never sent from a bench database.
  await db().outboxMessage.updateMany({
    where: { event: { in: ["case.sla_breach", "case.sla_warning"] }, status: "pending" },
    data: { status: "suppressed", reason: "bench" },
  });
  const ms = times.map((x) => x.toFixed(0)).join(", ");
  log(`sla job: ${timers} running timers, ${last.breached} breached, ${last.warned} warned; ${ms} ms`);
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  return [
    {
      metric: `PERF-9 SLA job pass over ${timers.toLocaleString("en")} running timers`,
      value: median,
      unit: "ms",
      goal: "≤ 5000 ms",
      pass: median <= 5000,
      note: `${last.breached} breached and ${last.warned} warned each run, assignees emailed; median of ${RUNS}`,
    },
  ];
}
