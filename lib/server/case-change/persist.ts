import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { TABLE } from "@/lib/domain/records/tables";
import { applyVersionedPatch } from "../records/patch";
import { runCaseFollowUps, type CaseChange } from "../follow-ups/case";
import type { CaseRow } from "../case-store/row";

// Saving a change to a case, for every area that changes cases (cases, major, portal). It sits
// above follow-ups (which it runs) and below the areas that call it; reading and locking the case
// row is in lib/server/case-store/row.ts.

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
