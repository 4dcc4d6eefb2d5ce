import "server-only";
import { db, transaction, type Tx } from "@/lib/db";
import { decideAttempt, THROTTLE, type AttemptDecision } from "@/lib/domain/auth/throttle";

export type ThrottleKey = { key: string; free: number };

type CountedRow = { failures: unknown; blockedUntil: unknown };

/** SQLite answers the stored ISO text, PostgreSQL a Date. */
const asDate = (v: unknown): Date | null =>
  v instanceof Date ? v : typeof v === "string" || typeof v === "number" ? new Date(v) : null;

/**
 * One atomic upsert: counts this attempt in the key's window (a window that has expired with no
 * block running starts again at 1) and returns the attempt's number n and the block as it stood.
 * Concurrent attempts on one key queue on the row (PostgreSQL's row lock, SQLite's write lock),
 * so every attempt gets its own n.
 */
async function countAttempt(tx: Tx, key: string, now: Date) {
  const windowCutoff = new Date(now.getTime() - THROTTLE.windowMs);
  const rows = await tx.$queryRaw<CountedRow[]>`
    INSERT INTO "LoginThrottle" AS t ("key", "failures", "windowStart", "blockedUntil")
    VALUES (${key}, 1, ${now}, NULL)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE
        WHEN t."windowStart" < ${windowCutoff} AND (t."blockedUntil" IS NULL OR t."blockedUntil" <= ${now})
        THEN 1 ELSE t."failures" + 1 END,
      "windowStart" = CASE
        WHEN t."windowStart" < ${windowCutoff} AND (t."blockedUntil" IS NULL OR t."blockedUntil" <= ${now})
        THEN ${now} ELSE t."windowStart" END
    RETURNING "failures", "blockedUntil"`;
  return { failures: Number(rows[0].failures), blockedUntil: asDate(rows[0].blockedUntil) };
}

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
      const counted = await countAttempt(tx, k.key, now);
      const decision = decideAttempt(counted, now, k.free);
      if (decision.blockedUntil && decision.blockedUntil.getTime() !== counted.blockedUntil?.getTime())
        await tx.$executeRaw`
          UPDATE "LoginThrottle" SET "blockedUntil" = ${decision.blockedUntil} WHERE "key" = ${k.key}`;
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
    await tx.$executeRaw`DELETE FROM "LoginThrottle" WHERE "key" = ${own.key}`;
    for (const k of shared)
      await tx.$executeRaw`
        UPDATE "LoginThrottle" SET "failures" = "failures" - 1,
          "blockedUntil" = CASE WHEN "failures" - 1 < ${k.free} THEN NULL ELSE "blockedUntil" END
        WHERE "key" = ${k.key} AND "failures" > 0`;
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
