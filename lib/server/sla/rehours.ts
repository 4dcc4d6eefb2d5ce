import "server-only";
import type { Tx } from "@/lib/db";
import { scheduleOf, type SlaHours } from "@/lib/domain/sla/policy";
import { retargetTimer } from "@/lib/domain/sla/timer";
import { lockCases, refreshSlaDueOf } from "../tables/case";
import { casesWithRunningHoursTimers } from "../tables/case-selection";
import { updateTimers } from "../tables/case-sla";

/**
 * NOT-5: new business hours move the running timers counted in them. The time each has counted so
 * far is counted in the old hours (`before`; none saved yet: they counted 24×7), the rest in the new
 * ones — so the job breaches, warns and emails at the time the case page shows, and the lists sort and
 * filter by it. Paused and stopped timers keep their counted time; they take the new hours when they
 * run again. The timers are written 2,000 a statement (a backlog of 100,000 was 100,000 statements
 * holding SQLite's write lock). Returns how many moved.
 *
 * Their cases are locked first (PostgreSQL), in the order every path takes cases, and the timers read
 * after: a case save locks the case and then writes its timers. Timers first, a case saved at that
 * moment deadlocked with the new hours; read unlocked, a timer re-targeted by a save committing
 * meanwhile (a new priority) was overwritten with a due time from its old target.
 */
export async function recountHoursTimers(tx: Tx, before: SlaHours | null, after: SlaHours, now = new Date()) {
  // NO KEY UPDATE: it queues with case saves, while rows naming those cases (a work order, an
  // attachment, a child case) can still be added during a long recount.
  await lockCases(tx, casesWithRunningHoursTimers(), "NO KEY UPDATE");
  const rows = await tx.caseSla.findMany({
    where: { clock: "hours", stoppedAt: null, runningSince: { not: null } },
    select: {
      id: true,
      caseId: true,
      targetMs: true,
      elapsedMs: true,
      runningSince: true,
      dueAt: true,
      warnAt: true,
      stoppedAt: true,
      suspendedAt: true,
    },
  });
  if (!rows.length) return 0;
  const old = scheduleOf("hours", before);
  const next = scheduleOf("hours", after);
  const moved = rows.map((r) => ({ id: r.id, ...retargetTimer(old, r, r.targetMs, now, next) }));
  await updateTimers(tx, moved, now);
  await refreshSlaDueOf(tx, [...new Set(rows.map((r) => r.caseId))]);
  return rows.length;
}
