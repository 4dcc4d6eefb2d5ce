import "server-only";
// "LoginThrottle": the sign-in attempts counted per key (REL-5).
import type { Tx } from "@/lib/db";

type CountedRow = { failures: unknown; blockedUntil: unknown };

/** SQLite answers the stored ISO text, PostgreSQL a Date. */
const asDate = (v: unknown): Date | null =>
  v instanceof Date ? v : typeof v === "string" || typeof v === "number" ? new Date(v) : null;

/**
 * One atomic upsert: counts this attempt in the key's window (a window that has expired with no
 * block running starts again at 1) and returns the attempt's number n and the block as it stood.
 * Concurrent attempts on one key queue on the row (PostgreSQL's row lock, SQLite's write lock),
 * so every attempt gets its own n. A window started before `windowCutoff` has expired.
 */
export async function countAttempt(
  tx: Tx,
  key: string,
  now: Date,
  windowCutoff: Date,
): Promise<{ failures: number; blockedUntil: Date | null }> {
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

/** Blocks the key until `blockedUntil`. */
export async function setBlockedUntil(tx: Tx, key: string, blockedUntil: Date): Promise<void> {
  await tx.$executeRaw`
          UPDATE "LoginThrottle" SET "blockedUntil" = ${blockedUntil} WHERE "key" = ${key}`;
}

/** Forgets the key's count (and its block). */
export async function deleteKey(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM "LoginThrottle" WHERE "key" = ${key}`;
}

/**
 * Gives one counted attempt back to the key, and lifts its block when the count falls below
 * `free` (the attempts the key has before any block).
 */
export async function giveBackAttempt(tx: Tx, key: string, free: number): Promise<void> {
  await tx.$executeRaw`
        UPDATE "LoginThrottle" SET "failures" = "failures" - 1,
          "blockedUntil" = CASE WHEN "failures" - 1 < ${free} THEN NULL ELSE "blockedUntil" END
        WHERE "key" = ${key} AND "failures" > 0`;
}
