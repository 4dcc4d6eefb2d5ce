import "server-only";
import { db, transaction } from "@/lib/db";
import { decideAttempt, THROTTLE, type AttemptDecision } from "@/lib/domain/auth/throttle";
import {
  countAttempt,
  deleteKey,
  giveBackAttempt,
  setBlockedUntil,
} from "@/lib/server/tables/login-throttle";

export type ThrottleKey = { key: string; free: number };

/**
 * REL-5: counts one sign-in attempt on every key, before any password is checked, and decides
 * it (lib/domain/auth/throttle.ts). Count, decision and the block it sets are one transaction,
 * so an attempt that queues behind another sees that one's block.
 * Returns whether to check the password, or how long the caller must wait.
 */
export async function admitAttempt(
  keys: ThrottleKey[],
  now: Date,
): Promise<{ check: true } | { check: false; retryMs: number }> {
  const decisions: AttemptDecision[] = await transaction(async (tx) => {
    const out: AttemptDecision[] = [];
    for (const k of keys) {
      const counted = await countAttempt(tx, k.key, now, new Date(now.getTime() - THROTTLE.windowMs));
      const decision = decideAttempt(counted, now, k.free);
      if (decision.blockedUntil && decision.blockedUntil.getTime() !== counted.blockedUntil?.getTime())
        await setBlockedUntil(tx, k.key, decision.blockedUntil);
      out.push(decision);
    }
    return out;
  });
  const refused = decisions.filter((d) => !d.check);
  if (!refused.length) return { check: true };
  return { check: false, retryMs: Math.max(...refused.map((d) => d.blockedUntil.getTime() - now.getTime())) };
}

/**
 * After a right password: the email's count starts again; on shared keys (the client address)
 * the successful attempt is given back, and a block it alone caused is lifted.
 */
export async function recordSuccess(own: ThrottleKey, shared: ThrottleKey[]): Promise<void> {
  await transaction(async (tx) => {
    await deleteKey(tx, own.key);
    for (const k of shared) await giveBackAttempt(tx, k.key, k.free);
  });
}

/**
 * How long the keys stay blocked (0 when none is), without counting an attempt: for callers that
 * skip the password check (the API's cache of verified passwords) but must honour a running block.
 */
export async function blockedMs(keys: ThrottleKey[], now: Date): Promise<number> {
  const rows = await db().loginThrottle.findMany({
    where: { key: { in: keys.map((k) => k.key) }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  return Math.max(0, ...rows.map((r) => r.blockedUntil!.getTime() - now.getTime()));
}
