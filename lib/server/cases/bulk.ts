import "server-only";
import { db, transaction } from "@/lib/db";
import { canWriteCases, type Actor } from "@/lib/domain/auth/roles";
import {
  bulkCaseSchema,
  bulkPatch,
  describeChanges,
  type BulkCaseInput,
  type BulkCaseRequest,
  type BulkNames,
  type BulkOutcome,
  type BulkReport,
} from "@/lib/domain/cases/bulk";
import { DomainError, forbidden } from "@/lib/domain/errors";
import { CaseState } from "@/lib/domain/records/choices";
import { parseOrThrow } from "@/lib/domain/validation";
import { toFailure } from "../errors";
import { findLockedCase } from "../case-store/row";
import { holdRelatedBeforeCase } from "./related-state";
import { updateCase } from "./write";

/** Why a case was refused, in the words of the bulk report (the form's own message otherwise). */
function reasonOf(e: unknown): string {
  if (e instanceof DomainError) {
    if (e.kind === "conflict" && e.field === "version")
      return "It was changed by someone else after the list was loaded; reload the list and try again.";
    // MAJ-5: a bulk change never reaches child cases silently; the major case's own page asks first.
    if (e.kind === "confirm")
      return `It is a major case: ${e.message.replace(/^This/, "this change")} Change it on its own page, which asks first.`;
    return e.message;
  }
  return toFailure(e, "bulkUpdateCases").message;
}

async function namesOf(input: BulkCaseRequest): Promise<BulkNames> {
  const [group, assignee] = await Promise.all([
    input.assignmentGroupId
      ? db().group.findUnique({ where: { id: input.assignmentGroupId }, select: { name: true } })
      : null,
    input.assignedToId
      ? db().user.findUnique({ where: { id: input.assignedToId }, select: { name: true } })
      : null,
  ]);
  return { group: group?.name, assignee: assignee?.name };
}

/**
 * One case, in its own transaction: the case form's save (updateCase) with the version the list
 * showed — REC-6 stale check, REC-4 resolution, REC-5 audit, WRK-1 membership and assignment email,
 * MAJ-5 child cases (never confirmed here, so a change that would reach them is refused), closed
 * cases refused. A refusal rolls back only this case's transaction.
 */
async function applyOne(
  actor: Actor,
  ref: { number: string; version: number },
  input: BulkCaseRequest,
  names: BulkNames,
): Promise<BulkOutcome> {
  const patch = bulkPatch(input);
  try {
    return await transaction(async (tx): Promise<BulkOutcome> => {
      // ITSM-4: a related code's record is held before the case's lock (the order its save takes).
      if (input.state === CaseState.Resolved)
        await holdRelatedBeforeCase(tx, ref.number, input.resolutionCode);
      const current = await findLockedCase(tx, ref.number);
      if (!current) return { number: ref.number, status: "refused", reason: "No such case." };
      // Already as asked (a repeated or concurrent submit of the same request): nothing to do, even
      // when the row is newer than the list — so a double submit reports "already so", not stale;
      // also a Close or Cancel repeated on the cases the first one finished (it said "refused: this
      // case is Closed", and kept them selected to try again).
      const differs = Object.entries(patch).some(([k, v]) => current[k as keyof typeof current] !== v);
      if (!differs) return { number: ref.number, status: "unchanged", reason: "already so" };
      const resolving = input.state === CaseState.Resolved;
      const { changed } = await updateCase(
        actor,
        ref.number,
        {
          ...patch,
          ...(resolving && { resolutionCode: input.resolutionCode, resolutionNotes: input.resolutionNotes }),
          version: ref.version,
        },
        tx,
      );
      return { number: ref.number, status: "changed", changes: describeChanges(changed, input, names) };
    });
  } catch (e) {
    return { number: ref.number, status: "refused", reason: reasonOf(e) };
  }
}

/**
 * WRK-4: assign, reprioritise or move the selected cases (at most BULK_MAX_CASES). Each case is
 * applied in a transaction of its own, one after the other: a refused case changes nothing of its
 * own and undoes nothing of the others (the report says which is which). One transaction for all
 * with a savepoint per case would hold every case's lock — and on SQLite the whole database — until
 * the last case; per-case transactions also mean each case's assignment email is queued with its
 * own committed change. A repeated submit changes nothing twice: the cases already hold the values.
 */
export async function bulkUpdateCases(actor: Actor, raw: BulkCaseInput): Promise<BulkReport> {
  if (!canWriteCases(actor)) throw forbidden("Only customer service agents and managers can change cases.");
  const input = parseOrThrow(bulkCaseSchema, raw);
  const names = await namesOf(input);
  const outcomes: BulkOutcome[] = [];
  for (const ref of input.cases) outcomes.push(await applyOne(actor, ref, input, names));
  const count = (s: BulkOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
  return { outcomes, changed: count("changed"), unchanged: count("unchanged"), refused: count("refused") };
}
