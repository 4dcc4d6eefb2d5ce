import "server-only";
import type { Tx } from "@/lib/db";
import { NUMBERING, formatNumber, type NumberedRecord } from "@/lib/domain/records/numbering";
import { advanceCounter } from "@/lib/server/tables/number-counter";

/**
 * Takes `count` numbers of a record type in ONE statement (lib/server/tables/number-counter.ts) —
 * the counter is created at its first number on first use — and answers the last one.
 */
async function advance(tx: Tx, kind: NumberedRecord, count: number): Promise<number> {
  return advanceCounter(tx, kind, NUMBERING[kind].first - 1 + count, count);
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
