import "server-only";
import type { Tx } from "@/lib/db";
import { NUMBERING, formatNumber, type NumberedRecord } from "@/lib/domain/records/numbering";

/**
 * Takes `count` numbers of a record type in ONE statement — the counter is created at its first
 * number on first use — and answers the last one. The row stays locked until the transaction
 * ends, so the statement is raw: Prisma's modelled update costs a second round trip and ~0.8 ms
 * of query compilation while every other creation of the type waits on the lock (NOT-3's burst).
 */
async function advance(tx: Tx, kind: NumberedRecord, count: number): Promise<number> {
  const first = NUMBERING[kind].first - 1 + count;
  const rows = await tx.$queryRaw<{ value: number | bigint }[]>`
    INSERT INTO "NumberCounter" ("name", "value") VALUES (${kind}, ${first})
    ON CONFLICT ("name") DO UPDATE SET "value" = "NumberCounter"."value" + ${count}
    RETURNING "value"`;
  return Number(rows[0].value);
}

/**
 * REC-1: the next number of a record type. Runs inside the creating transaction: the counter
 * row stays locked until commit, so concurrent creations queue, and a rollback returns the
 * number — no gaps, no duplicates, on SQLite and PostgreSQL.
 */
export async function nextNumber(tx: Tx, kind: NumberedRecord): Promise<string> {
  return formatNumber(kind, await advance(tx, kind, 1));
}

/** Reserves `count` consecutive numbers at once (bulk creation: proactive cases, bench data). */
export async function nextNumbers(tx: Tx, kind: NumberedRecord, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const last = await advance(tx, kind, count);
  return Array.from({ length: count }, (_, i) => formatNumber(kind, last - count + 1 + i));
}
