import "server-only";
// OPS-1: rows that only ever grow unless something removes them. Sign-in throttling counts every
// attempt on a key (an email, a client address), and a spray of made-up emails leaves one row per
// email; a session ends by expiring, and its row was removed only when its user signed in again.
// Neither row means anything once it has run out, so the housekeeping job deletes them.
import { db } from "@/lib/db";
import { THROTTLE } from "@/lib/domain/auth/throttle";

export const HOUSEKEEPING_JOB = "housekeeping";

/**
 * Deletes throttle rows whose window has passed with no block running (a new attempt would start
 * afresh on them anyway: windowExpired) and sessions past their expiry. Two statements.
 */
export async function sweepExpired(now = new Date()): Promise<{ throttles: number; sessions: number }> {
  const windowEnded = new Date(now.getTime() - THROTTLE.windowMs);
  const throttles = await db().loginThrottle.deleteMany({
    where: { windowStart: { lt: windowEnded }, OR: [{ blockedUntil: null }, { blockedUntil: { lte: now } }] },
  });
  const sessions = await db().session.deleteMany({ where: { expiresAt: { lte: now } } });
  return { throttles: throttles.count, sessions: sessions.count };
}
