import "server-only";
// "CaseSla": NOT-5's timers, written for many new cases at once (proactive cases, PRO-1).
import { dialect, Prisma, type Tx } from "@/lib/db";
import type { SlaTimer } from "@/lib/domain/sla/timer";
import type { CaseSelection } from "./case-selection";
import { lockFreeRows } from "./row-locks";
import { inGroups } from "./sql";

/**
 * The same timers on each selected case — cases made together share their priority, state and start,
 * so each one's earliest due time (kept on the case for the lists) is the same too: one insert per
 * timer and one update, whatever the number of cases (PERF-3). For cases that have no timers yet.
 */
export async function insertTimersOnCases(
  tx: Tx,
  cases: CaseSelection,
  timers: readonly (SlaTimer & { kind: string; clock: string; hoursVersion: number })[],
  now: Date,
): Promise<void> {
  for (const t of timers)
    await tx.$executeRaw`
      INSERT INTO "CaseSla" ("caseId", "kind", "clock", "targetMs", "elapsedMs", "runningSince", "dueAt",
        "warnAt", "stoppedAt", "hoursVersion", "createdAt")
      SELECT k."id", ${t.kind}, ${t.clock}, ${t.targetMs}, ${t.elapsedMs}, ${t.runningSince}, ${t.dueAt},
        ${t.warnAt}, ${t.stoppedAt}, ${t.hoursVersion}, ${now}
      FROM "Case" k WHERE ${cases.where}
      ON CONFLICT DO NOTHING`;
  const running = timers.filter((t) => t.dueAt && t.warnAt);
  const earliest = (at: (t: SlaTimer) => Date | null) =>
    new Date(Math.min(...running.map((t) => at(t)!.getTime())));
  if (running.length)
    await tx.$executeRaw`
      UPDATE "Case" SET "slaDueAt" = ${earliest((t) => t.dueAt)}, "slaWarnAt" = ${earliest((t) => t.warnAt)}
      WHERE "id" IN (SELECT k."id" FROM "Case" k WHERE ${cases.where})`;
}

/** Timers a statement: at most four bound values each, well under either database's limit. */
const TIMERS_PER_STATEMENT = 2_000;

/** `write` for each group of TIMERS_PER_STATEMENT rows (inGroups); how many rows were written. */
async function perStatement<R>(rows: readonly R[], write: (group: R[]) => Promise<number>) {
  let written = 0;
  await inGroups(rows, TIMERS_PER_STATEMENT, async (group) => void (written += await write(group)));
  return written;
}

/**
 * Rows as a VALUES table (columns column1, column2… on both databases), each value bound as the
 * adapter binds any value (dates included). PostgreSQL reads a bare parameter as text: casts in the
 * first row type the columns there.
 */
function valuesOf(rows: readonly (readonly unknown[])[], pgTypes: readonly string[]): Prisma.Sql {
  const pg = dialect() === "postgresql";
  return Prisma.join(
    rows.map(
      (r, i) =>
        Prisma.sql`(${Prisma.join(
          r.map((v, c) =>
            pg && i === 0 ? Prisma.sql`CAST(${v} AS ${Prisma.raw(pgTypes[c])})` : Prisma.sql`${v}`,
          ),
        )})`,
    ),
  );
}

/**
 * NOT-5: running timers given new counted time and due times (a business-hours recount), noted as
 * counted in the hours of `hoursVersion`, 2,000 a statement. A due time moved into the future may
 * warn and breach again. Only timers still running
 * are written: a pause or stop committed since they were read (PostgreSQL re-reads the row here)
 * keeps what it wrote.
 */
export async function updateTimers(
  tx: Tx,
  rows: readonly { id: number; elapsedMs: number; dueAt: Date | null; warnAt: Date | null }[],
  now: Date,
  hoursVersion: number,
): Promise<number> {
  return perStatement(rows, (group) => {
    const values = valuesOf(
      group.map((r) => [r.id, r.elapsedMs, r.dueAt, r.warnAt]),
      ["INTEGER", "DOUBLE PRECISION", "TIMESTAMP(3)", "TIMESTAMP(3)"],
    );
    return tx.$executeRaw`
    UPDATE "CaseSla" SET "elapsedMs" = v."e", "runningSince" = ${now}, "dueAt" = v."d", "warnAt" = v."w",
      "hoursVersion" = ${hoursVersion},
      "warnedAt" = CASE WHEN v."d" > ${now} THEN NULL ELSE "warnedAt" END,
      "breachedAt" = CASE WHEN v."d" > ${now} THEN NULL ELSE "breachedAt" END
    FROM (SELECT t.column1 AS "id", t.column2 AS "e", t.column3 AS "d", t.column4 AS "w"
      FROM (VALUES ${values}) t) v
    WHERE "CaseSla"."id" = v."id" AND "CaseSla"."stoppedAt" IS NULL AND "CaseSla"."runningSince" IS NOT NULL`;
  });
}

/**
 * NOT-5: timers stopped at `at`, each with the time it counted, 2,000 a statement (cases notified
 * together were opened at different times: their counted times differ, and were one statement each).
 * A timer stopped meanwhile keeps its stop.
 */
export async function stopTimers(tx: Tx, rows: readonly { id: number; elapsedMs: number }[], at: Date) {
  return perStatement(rows, (group) => {
    const values = valuesOf(
      group.map((r) => [r.id, r.elapsedMs]),
      ["INTEGER", "DOUBLE PRECISION"],
    );
    return tx.$executeRaw`
    UPDATE "CaseSla" SET "elapsedMs" = v."e", "runningSince" = NULL, "dueAt" = NULL, "warnAt" = NULL,
      "stoppedAt" = ${at}
    FROM (SELECT t.column1 AS "id", t.column2 AS "e" FROM (VALUES ${values}) t) v
    WHERE "CaseSla"."id" = v."id" AND "CaseSla"."stoppedAt" IS NULL`;
  });
}

/**
 * NOT-5: of the timers a background pass means to write (the breach job, the business-hours
 * catch-up), those it may: their cases locked first, as a case change locks them, then the timers —
 * each skipping what another transaction holds (SKIP LOCKED), so the pass never waits for a user's
 * change, is never one side of a deadlock with it, and cannot undo what the change is writing. The
 * skipped timers are added to `skipped`, for the pass's later batches to pass over.
 */
export async function lockFreeTimers(
  tx: Tx,
  timers: readonly { id: number; caseId: number }[],
  skipped: Set<number>,
): Promise<number[]> {
  const cases = await lockFreeRows(tx, "Case", [...new Set(timers.map((t) => t.caseId))], "NO KEY UPDATE");
  const free = await lockFreeRows(
    tx,
    "CaseSla",
    timers.filter((t) => cases.includes(t.caseId)).map((t) => t.id),
  );
  for (const t of timers) if (!free.includes(t.id)) skipped.add(t.id);
  return free;
}
