import "server-only";
import type { Tx } from "@/lib/db";
import { NUMBERING, formatNumber, type NumberedRecord } from "@/lib/domain/records/numbering";

/** Creates the counter of a record type at "none issued yet", once. */
async function ensureCounter(tx: Tx, kind: NumberedRecord) {
  const start = NUMBERING[kind].first - 1;
  await tx.$executeRaw`
    INSERT INTO "NumberCounter" ("name", "value") VALUES (${kind}, ${start})
    ON CONFLICT ("name") DO NOTHING`;
}

/**
 * REC-1: the next number of a record type. Runs inside the creating transaction: the counter
 * row stays locked until commit, so concurrent creations queue, and a rollback returns the
 * number — no gaps, no duplicates, on SQLite and PostgreSQL.
 */
export async function nextNumber(tx: Tx, kind: NumberedRecord): Promise<string> {
  await ensureCounter(tx, kind);
  const row = await tx.numberCounter.update({ where: { name: kind }, data: { value: { increment: 1 } } });
  return formatNumber(kind, row.value);
}

/** Reserves `count` consecutive numbers at once (bulk creation: proactive cases, bench data). */
export async function nextNumbers(tx: Tx, kind: NumberedRecord, count: number): Promise<string[]> {
  if (count <= 0) return [];
  await ensureCounter(tx, kind);
  const row = await tx.numberCounter.update({ where: { name: kind }, data: { value: { increment: count } } });
  return Array.from({ length: count }, (_, i) => formatNumber(kind, row.value - count + 1 + i));
}
