import "server-only";
// OPS-1: rows that only ever grow unless something removes them. Sign-in throttling counts every
// attempt on a key (an email, a client address), and a spray of made-up emails leaves one row per
// email; a session ends by expiring, and its row was removed only when its user signed in again.
// Neither row means anything once it has run out, so the housekeeping job deletes them.
import { db } from "@/lib/db";
import { THROTTLE } from "@/lib/domain/auth/throttle";

export const HOUSEKEEPING_JOB = "housekeeping";

/**
 * Rows deleted per statement. A spray of a million made-up emails leaves a million throttle rows:
 * one DELETE of them all would hold SQLite's write lock (every save of every worker waits) for as
 * long as it takes; batches let the saves in between.
 */
export const SWEEP_BATCH = 2_000;

/** Whether to go on after a batch (the lease still held, the process not stopping). */
type GoOn = () => Promise<boolean>;

/** Deletes what `find` names, a batch at a time, until a batch comes back short (or `goOn` says stop). */
async function inBatches(
  find: () => Promise<string[]>,
  remove: (keys: string[]) => Promise<number>,
  goOn: GoOn,
) {
  let deleted = 0;
  for (;;) {
    const keys = await find();
    if (keys.length) deleted += await remove(keys);
    if (keys.length < SWEEP_BATCH || !(await goOn())) return deleted;
  }
}

/**
 * Deletes throttle rows whose window has passed with no block running (a new attempt would start
 * afresh on them anyway: windowExpired) and sessions past their expiry, SWEEP_BATCH rows a statement.
 */
export async function sweepExpired(
  now = new Date(),
  goOn: GoOn = () => Promise.resolve(true),
): Promise<{ throttles: number; sessions: number }> {
  const windowEnded = new Date(now.getTime() - THROTTLE.windowMs);
  const spent = {
    windowStart: { lt: windowEnded },
    OR: [{ blockedUntil: null }, { blockedUntil: { lte: now } }],
  };
  const throttles = await inBatches(
    async () =>
      (await db().loginThrottle.findMany({ where: spent, select: { key: true }, take: SWEEP_BATCH })).map(
        (r) => r.key,
      ),
    async (keys) => (await db().loginThrottle.deleteMany({ where: { key: { in: keys }, ...spent } })).count,
    goOn,
  );
  const expired = { expiresAt: { lte: now } };
  const sessions = await inBatches(
    async () =>
      (await db().session.findMany({ where: expired, select: { id: true }, take: SWEEP_BATCH })).map(
        (r) => r.id,
      ),
    async (ids) => (await db().session.deleteMany({ where: { id: { in: ids }, ...expired } })).count,
    goOn,
  );
  return { throttles, sessions };
}
