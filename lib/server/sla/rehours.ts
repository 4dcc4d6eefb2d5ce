import "server-only";
import { transaction, type Tx } from "@/lib/db";
import { scheduleOf, type SlaHours } from "@/lib/domain/sla/policy";
import { retargetTimer } from "@/lib/domain/sla/timer";
import { lockCases, refreshSlaDueOf } from "../tables/case";
import { casesWithRunningHoursTimers } from "../tables/case-selection";
import { lockFreeTimers, updateTimers } from "../tables/case-sla";
import { recordDueBreaches } from "./breaches";
import { readSlaPolicy } from "./policy";

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
export async function recountHoursTimers(
  tx: Tx,
  before: SlaHours | null,
  after: SlaHours & { version: number },
  now = new Date(),
) {
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
      breachedAt: true,
    },
  });
  if (!rows.length) return 0;
  // A breach already due that the job has not recorded is recorded at its time (the recount would
  // make the timer due "now", and the job email "breached at" the save's time).
  await recordDueBreaches(tx, rows, now);
  const old = scheduleOf("hours", before);
  const next = scheduleOf("hours", after);
  const moved = rows.map((r) => ({ id: r.id, ...retargetTimer(old, r, r.targetMs, now, next) }));
  await updateTimers(tx, moved, now, after.version);
  await refreshSlaDueOf(tx, [...new Set(rows.map((r) => r.caseId))]);
  return rows.length;
}

/** Timers recounted by one batch of catchUpHoursTimers, at most. */
export const CATCH_UP_BATCH = 500;

/**
 * NOT-5: running business-hours timers counted in older hours than the saved ones. A case change
 * that read the hours while new ones were being saved — a new case, a resumed or re-targeted timer —
 * counted in the old hours, and committed after the save had read the timers to recount: its due
 * time stayed the old hours' until its next step. Each timer notes the hours' version it was counted
 * in, and the SLA job recounts those behind, each pass, before it looks for breaches (which it then
 * judges by the new due times): the time counted before their last start stays, the stretch since
 * counts in the new hours (seconds, for a timer caught within the job's minute). Batches of
 * CATCH_UP_BATCH until none is left or the lease is lost. Their cases are locked first, as a save
 * locks them, then the timers — each skipping what another transaction holds (SKIP LOCKED: the job
 * never waits for a user), for a later pass. Returns how many moved.
 */
export async function catchUpHoursTimers(
  opts: { now?: Date; batch?: number; stillMine?: () => Promise<boolean> } = {},
): Promise<number> {
  const batch = opts.batch ?? CATCH_UP_BATCH;
  const skipped = new Set<number>();
  let moved = 0;
  for (let read = batch; read === batch;) {
    if (opts.stillMine && !(await opts.stillMine())) break;
    const n = await catchUpBatch(opts.now ?? new Date(), batch, skipped);
    moved += n.moved;
    read = n.read;
  }
  return moved;
}

async function catchUpBatch(now: Date, batch: number, skipped: Set<number>) {
  return transaction(async (tx) => {
    const policy = await readSlaPolicy(tx);
    const behind = {
      clock: "hours",
      stoppedAt: null,
      runningSince: { not: null },
      hoursVersion: { lt: policy.hoursVersion },
    } as const;
    const stale = await tx.caseSla.findMany({
      where: { ...behind, ...(skipped.size ? { id: { notIn: [...skipped] } } : {}) },
      select: { id: true, caseId: true },
      orderBy: { id: "asc" },
      take: batch,
    });
    if (!stale.length) return { moved: 0, read: 0 };
    const free = await lockFreeTimers(tx, stale, skipped);
    // Read again under the locks: a change that committed meanwhile may have moved them.
    const rows = await tx.caseSla.findMany({ where: { ...behind, id: { in: free } } });
    const hours = scheduleOf("hours", policy.hours);
    const recounted = rows.map((r) => ({ id: r.id, ...retargetTimer(hours, r, r.targetMs, now, hours) }));
    await updateTimers(tx, recounted, now, policy.hoursVersion);
    await refreshSlaDueOf(tx, [...new Set(rows.map((r) => r.caseId))]);
    return { moved: rows.length, read: stale.length };
  });
}
