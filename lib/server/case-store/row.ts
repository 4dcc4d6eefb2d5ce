import "server-only";
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/domain/errors";
import { lockRows } from "@/lib/server/tables/row-locks";

// The case row as stored, and the reads every area that acts on a case starts from. Saving a
// change to a case (applyCasePatch) is in lib/server/case-change/persist.ts.

export type CaseRow = NonNullable<Awaited<ReturnType<Tx["case"]["findUnique"]>>>;

export async function requireCase(tx: Tx, number: string): Promise<CaseRow> {
  const row = await tx.case.findUnique({ where: { number } });
  if (!row) throw notFound(`Case ${number}`);
  return row;
}

/**
 * The case, row-locked for the rest of the transaction (tables/row-locks.ts) before a read-then-write
 * decision, or null. Concurrent decisions on one case queue here, so each sees the other's result.
 */
export async function findLockedCase(tx: Tx, number: string): Promise<CaseRow | null> {
  const found = await tx.case.findUnique({ where: { number }, select: { id: true } });
  if (!found) return null;
  await lockRows(tx, "Case", [found.id]);
  return tx.case.findUnique({ where: { id: found.id } });
}

export async function requireLockedCase(tx: Tx, number: string): Promise<CaseRow> {
  const row = await findLockedCase(tx, number);
  if (!row) throw notFound(`Case ${number}`);
  return row;
}
