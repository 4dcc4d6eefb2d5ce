import { db, transaction } from "@/lib/db";
import { queueSlaMails, type MarkedTimer } from "../sla/breaches";
import { lockFreeTimers } from "../tables/case-sla";

// NOT-5: the SLA job. Each pass records, once each, the timers that breached (breachedAt) and those
// about to (warnedAt), and emails the case's assignee (NOT-2 "SLA warnings"). Batched, and safe
// when two passes overlap: a timer is marked by a conditional update (still unmarked), and only
// the rows that update changed are notified. One runner at a time anyway (its JobLease).

export const SLA_JOB = "sla";
export const SLA_BATCH = 500;

/**
 * One batch: up to `batch` due timers not yet marked, less those this pass skipped (a case change
 * held them). Returns how many were marked and how many were read (a full read: more may be due).
 */
async function markBatch(event: "warning" | "breach", now: Date, batch: number, skipped: Set<number>) {
  const field = event === "breach" ? "breachedAt" : "warnedAt";
  // Due, or within its warning time — counted in working time (warnAt, lib/domain/sla/timer.ts).
  const time = event === "breach" ? "dueAt" : "warnAt";
  // A warning is for a timer not yet due: one the breach pass skipped (its case held) waits for
  // the next pass's breach — it was emailed "due soon … due at" a time already past.
  const notDue = event === "warning" ? { dueAt: { gt: now } } : {};
  // The index on dueAt (warnAt) finds the few due timers among all the open ones.
  const due = await db().caseSla.findMany({
    where: {
      [time]: { lte: now },
      ...notDue,
      stoppedAt: null,
      [field]: null,
      ...(skipped.size ? { id: { notIn: [...skipped] } } : {}),
    },
    select: { id: true, caseId: true },
    orderBy: { [time]: "asc" },
    take: batch,
  });
  if (!due.length) return { marked: 0, read: 0 };
  const marked = await transaction(async (tx) => {
    // Timers of a case a change holds are left to the next pass: the change records a breach already
    // due itself (lib/server/sla/breaches.ts), at its own time, and a mark made meanwhile could be
    // undone by its step (a pause counted as of a moment before the due time).
    const free = await lockFreeTimers(tx, due, skipped);
    // Re-checked here: a re-target since the read above (a new priority) may have moved it out.
    const rows: MarkedTimer[] = await tx.caseSla.updateManyAndReturn({
      where: { id: { in: free }, stoppedAt: null, [field]: null, [time]: { lte: now }, ...notDue },
      data: { [field]: now, ...(event === "breach" ? { warnedAt: now } : {}) },
      select: { id: true, caseId: true, kind: true, dueAt: true },
    });
    await queueSlaMails(tx, event, rows);
    return rows.length;
  });
  return { marked, read: due.length };
}

/** One pass: breaches first, then warnings; each in batches until none is left or the lease is lost. */
export async function recordSlaBreaches(
  opts: { now?: Date; batch?: number; stillMine?: () => Promise<boolean> } = {},
): Promise<{ breached: number; warned: number }> {
  const now = opts.now ?? new Date();
  const batch = opts.batch ?? SLA_BATCH;
  const result = { breached: 0, warned: 0 };
  for (const [event, key] of [
    ["breach", "breached"],
    ["warning", "warned"],
  ] as const) {
    const skipped = new Set<number>();
    for (let read = batch; read === batch;) {
      if (opts.stillMine && !(await opts.stillMine())) return result;
      const n = await markBatch(event, now, batch, skipped);
      result[key] += n.marked;
      read = n.read;
    }
  }
  return result;
}
