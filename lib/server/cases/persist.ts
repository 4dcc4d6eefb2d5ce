import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { notFound } from "@/lib/domain/errors";
import { TABLE } from "@/lib/domain/records/tables";
import { lockRows } from "../records/lock";
import { applyVersionedPatch } from "../records/patch";
import { runCaseFollowUps, type CaseChange } from "../follow-ups/case";

export type CaseRow = NonNullable<Awaited<ReturnType<Tx["case"]["findUnique"]>>>;

export async function requireCase(tx: Tx, number: string): Promise<CaseRow> {
  const row = await tx.case.findUnique({ where: { number } });
  if (!row) throw notFound(`Case ${number}`);
  return row;
}

/**
 * The case, row-locked for the rest of the transaction (records/lock.ts) before a read-then-write
 * decision, or null. Concurrent decisions on one case queue here, so each sees the other's result.
 */
export async function findLockedCase(tx: Tx, number: string): Promise<CaseRow | null> {
  const found = await tx.case.findUnique({ where: { number }, select: { id: true } });
  if (!found) return null;
  await lockRows(tx, "case", [found.id]);
  return tx.case.findUnique({ where: { id: found.id } });
}

export async function requireLockedCase(tx: Tx, number: string): Promise<CaseRow> {
  const row = await findLockedCase(tx, number);
  if (!row) throw notFound(`Case ${number}`);
  return row;
}

/**
 * Saves a patch to a case with the stale-save check and audit rows (REC-5, REC-6), then runs what
 * follows a case change in other areas (lib/server/follow-ups/case.ts: work order copies, FSM-4;
 * assignment emails, WRK-1) in the same transaction.
 */
export async function applyCasePatch(
  tx: Tx,
  actor: Pick<Actor, "id" | "name"> | null,
  current: CaseRow,
  version: number,
  patch: Record<string, unknown>,
  /** What the change carries beyond its fields (Request Info's question, NOT-1). */
  context: Pick<CaseChange, "question"> = {},
) {
  const changes = await applyVersionedPatch(tx, {
    table: TABLE.case,
    noun: "case",
    current,
    version,
    patch,
    actor,
    update: (where, data) => tx.case.updateMany({ where, data }),
  });
  const after: CaseRow = { ...current, ...patch, version: changes.length ? version + 1 : version };
  await runCaseFollowUps({ tx, actor, before: current, after, changes, ...context });
  return changes;
}
