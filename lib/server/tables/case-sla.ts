import "server-only";
// "CaseSla": NOT-5's timers, written for many new cases at once (proactive cases, PRO-1).
import type { Tx } from "@/lib/db";
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
