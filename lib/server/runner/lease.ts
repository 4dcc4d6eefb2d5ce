import "server-only";
import { transaction } from "@/lib/db";
import { ensureLease } from "@/lib/server/tables/job-lease";
import { startedRunner } from "./runner";

// A scheduled job runs in one app process at a time, whatever the number of processes: the
// JobLease row of the job is claimed by one conditional UPDATE, which the database serialises —
// of two workers claiming at once, exactly one sees its update count 1. The holder's claim
// expires after `ttlMs`, so a process that died mid-run does not block the job for good; and
// a job that ran less than `everyMs` ago is not claimed again, so N processes ticking every few
// minutes still run it about once per period.

export type LeaseTiming = { ttlMs: number; everyMs: number };

/** Claims the job's lease for `worker`; true when this worker now holds it and should run. */
export async function claimLease(name: string, worker: string, t: LeaseTiming, now = new Date()) {
  return transaction(async (tx) => {
    await ensureLease(tx, name);
    const { count } = await tx.jobLease.updateMany({
      where: {
        name,
        AND: [
          { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
          { OR: [{ lastRunAt: null }, { lastRunAt: { lte: new Date(now.getTime() - t.everyMs) } }] },
        ],
      },
      data: { lockedBy: worker, lockedUntil: new Date(now.getTime() + t.ttlMs) },
    });
    return count === 1;
  });
}

/** Extends the lease while the run goes on; false when it was lost (expired and taken). */
export async function renewLease(name: string, worker: string, ttlMs: number, now = new Date()) {
  return transaction(async (tx) => {
    const { count } = await tx.jobLease.updateMany({
      where: { name, lockedBy: worker, lockedUntil: { gte: now } },
      data: { lockedUntil: new Date(now.getTime() + ttlMs) },
    });
    return count === 1;
  });
}

/**
 * Ends the run: records when it started and what it did, and frees the lease (only if this worker
 * still holds it). The period counts from the run's start (`startedAt`, the claim's time): stamped
 * at the end, a run longer than the gap between `everyMs` and the tick (the SLA job's: 10 s of its
 * minute) made the next tick find the job too recent, and it ran every other minute. A run cut
 * short (`finished` false: its process is stopping) is no run of the period — the next node's
 * tick takes the job at once rather than after `everyMs` (housekeeping's: an hour).
 */
export async function releaseLease(
  name: string,
  worker: string,
  result: string,
  startedAt: Date,
  finished = true,
) {
  await transaction((tx) =>
    tx.jobLease.updateMany({
      where: { name, lockedBy: worker },
      data: {
        lockedUntil: null,
        ...(finished && { lastRunAt: startedAt }),
        lastResult: result.slice(0, 500),
      },
    }),
  );
}

/**
 * Runs `work` if this worker wins the lease, and releases it after (also when `work` fails).
 * `work` gets a `stillMine()` to call between batches: it renews the lease, and answers false
 * when another worker has taken it over, or when this process is stopping (OPS-2: the run ends
 * after its batch and releases the lease — a run cut by the drain's exit held it for its whole
 * time to live, and no node ran the job meanwhile).
 */
export async function runWithLease(
  name: string,
  worker: string,
  t: LeaseTiming,
  work: (stillMine: () => Promise<boolean>) => Promise<string>,
): Promise<{ ran: false } | { ran: true; result: string }> {
  const claimedAt = new Date();
  if (!(await claimLease(name, worker, t, claimedAt))) return { ran: false };
  let result = "failed";
  let stopped = false;
  const stillMine = async () => {
    stopped ||= !!startedRunner()?.stopping;
    return !stopped && (await renewLease(name, worker, t.ttlMs));
  };
  try {
    result = await work(stillMine);
    if (stopped) result = `stopped (the process is stopping): ${result}`;
    return { ran: true, result };
  } catch (e) {
    result = `failed: ${String((e as Error)?.message ?? e)}`;
    throw e;
  } finally {
    await releaseLease(name, worker, result, claimedAt, !stopped);
  }
}
