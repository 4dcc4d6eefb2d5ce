import "server-only";
// "CaseSla": NOT-5's timers, written for many new cases at once (proactive cases, PRO-1).
import { dialect, Prisma, type Tx } from "@/lib/db";
import type { SlaTimer } from "@/lib/domain/sla/timer";
import type { CaseSelection } from "./case-selection";

/**
 * The same timers on each selected case — cases made together share their priority, state and start,
 * so each one's earliest due time (kept on the case for the lists) is the same too: one insert per
 * timer and one update, whatever the number of cases (PERF-3). For cases that have no timers yet.
 */
export async function insertTimersOnCases(
  tx: Tx,
  cases: CaseSelection,
  timers: readonly (SlaTimer & { kind: string; clock: string })[],
  now: Date,
): Promise<void> {
  for (const t of timers)
    await tx.$executeRaw`
      INSERT INTO "CaseSla" ("caseId", "kind", "clock", "targetMs", "elapsedMs", "runningSince", "dueAt",
        "stoppedAt", "createdAt")
      SELECT k."id", ${t.kind}, ${t.clock}, ${t.targetMs}, ${t.elapsedMs}, ${t.runningSince}, ${t.dueAt},
        ${t.stoppedAt}, ${now}
      FROM "Case" k WHERE ${cases.where}
      ON CONFLICT DO NOTHING`;
  const due = timers.flatMap((t) => (t.dueAt ? [t.dueAt.getTime()] : []));
  if (due.length)
    await tx.$executeRaw`
      UPDATE "Case" SET "slaDueAt" = ${new Date(Math.min(...due))}
      WHERE "id" IN (SELECT k."id" FROM "Case" k WHERE ${cases.where})`;
}

/**
 * NOT-5: running timers given new counted time and due times (a business-hours recount), in one
 * statement: each row's values are a VALUES row, bound as the adapter binds any value (dates
 * included), typed by casts in the first row on PostgreSQL, which reads bare parameters as text.
 * A due time moved into the future may warn and breach again. Only timers still running are written:
 * a pause or stop committed since they were read (PostgreSQL re-reads the row here) keeps what it wrote.
 */
export async function updateTimers(
  tx: Tx,
  rows: readonly { id: number; elapsedMs: number; dueAt: Date | null }[],
  now: Date,
): Promise<number> {
  if (!rows.length) return 0;
  const pg = dialect() === "postgresql";
  const values = rows.map((r, i) =>
    pg && i === 0
      ? Prisma.sql`(CAST(${r.id} AS INTEGER), CAST(${r.elapsedMs} AS DOUBLE PRECISION),
          CAST(${r.dueAt} AS TIMESTAMP(3)))`
      : Prisma.sql`(${r.id}, ${r.elapsedMs}, ${r.dueAt})`,
  );
  return tx.$executeRaw`
    UPDATE "CaseSla" SET "elapsedMs" = v."e", "runningSince" = ${now}, "dueAt" = v."d",
      "warnedAt" = CASE WHEN v."d" > ${now} THEN NULL ELSE "warnedAt" END,
      "breachedAt" = CASE WHEN v."d" > ${now} THEN NULL ELSE "breachedAt" END
    FROM (SELECT t.column1 AS "id", t.column2 AS "e", t.column3 AS "d"
      FROM (VALUES ${Prisma.join(values)}) t) v
    WHERE "CaseSla"."id" = v."id" AND "CaseSla"."stoppedAt" IS NULL AND "CaseSla"."runningSince" IS NOT NULL`;
}
