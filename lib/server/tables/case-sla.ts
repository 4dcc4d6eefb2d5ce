import "server-only";
// "CaseSla": NOT-5's timers, written for many new cases at once (proactive cases, PRO-1).
import type { Tx } from "@/lib/db";
import type { SlaTimer } from "@/lib/domain/sla/timer";
import type { CaseSelection } from "./case-selection";

/**
 * The same timer on each selected case (cases made together share their priority, state and start),
 * then each one's SLA due time for the lists: two statements whatever the number of cases (PERF-3).
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
  if (timers.length)
    await tx.$executeRaw`
      UPDATE "Case" SET "slaDueAt" = (
        SELECT MIN(s."dueAt") FROM "CaseSla" s WHERE s."caseId" = "Case"."id" AND s."dueAt" IS NOT NULL)
      WHERE "id" IN (SELECT k."id" FROM "Case" k WHERE ${cases.where})`;
}
