import "server-only";
import type { Tx } from "@/lib/db";
import { scheduleOf, type SlaHours } from "@/lib/domain/sla/policy";
import { retargetTimer } from "@/lib/domain/sla/timer";
import { refreshSlaDueOf } from "../tables/case";

/**
 * NOT-5: new business hours move the running timers counted in them. The time each has counted so
 * far is counted in the old hours (`before`; none saved yet: they counted 24×7), the rest in the new
 * ones — so the job breaches, warns and emails at the time the case page shows, and the lists sort and
 * filter by it. Paused and stopped timers keep their counted time; they take the new hours when they
 * run again. Timers that come out alike (started together) are one statement. Returns how many moved.
 */
export async function recountHoursTimers(tx: Tx, before: SlaHours | null, after: SlaHours, now = new Date()) {
  const rows = await tx.caseSla.findMany({
    where: { clock: "hours", stoppedAt: null, runningSince: { not: null } },
    select: {
      id: true,
      caseId: true,
      targetMs: true,
      elapsedMs: true,
      runningSince: true,
      dueAt: true,
      stoppedAt: true,
    },
  });
  if (!rows.length) return 0;
  const old = scheduleOf("hours", before);
  const next = scheduleOf("hours", after);
  const alike = new Map<string, { elapsedMs: number; dueAt: Date | null; ids: number[] }>();
  for (const r of rows) {
    const t = retargetTimer(old, r, r.targetMs, now, next);
    const key = `${t.elapsedMs}:${t.dueAt?.getTime() ?? ""}`;
    const group = alike.get(key) ?? { elapsedMs: t.elapsedMs, dueAt: t.dueAt, ids: [] };
    group.ids.push(r.id);
    alike.set(key, group);
  }
  for (const g of alike.values()) {
    const later = g.dueAt && g.dueAt > now;
    await tx.caseSla.updateMany({
      // Still running: a pause or stop committed since the read (PostgreSQL re-reads the row here)
      // keeps what it wrote.
      where: { id: { in: g.ids }, stoppedAt: null, runningSince: { not: null } },
      data: {
        elapsedMs: g.elapsedMs,
        runningSince: now,
        dueAt: g.dueAt,
        // A due time moved into the future may warn and breach again (as a re-targeted timer).
        ...(later ? { warnedAt: null, breachedAt: null } : {}),
      },
    });
  }
  await refreshSlaDueOf(tx, [...new Set(rows.map((r) => r.caseId))]);
  return rows.length;
}
