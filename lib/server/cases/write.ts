import "server-only";
import { PARTY_FIELDS } from "@/lib/domain/work-orders/parties";
import { type Tx, inTransaction } from "@/lib/db";
import { canWriteCases, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid, staleRecord } from "@/lib/domain/errors";
import {
  assertCaseStateEdit,
  assertResolution,
  isCaseClosedForChanges,
  planCaseAction,
  planCaseStateChange,
} from "@/lib/domain/cases/lifecycle";
import {
  caseActionSchema,
  caseUpdateSchema,
  newCaseSchema,
  type CaseActionInput,
  type CaseUpdateInput,
  type NewCaseInput,
} from "@/lib/domain/cases/schemas";
import {
  CaseState,
  caseStates,
  labelOf,
  MajorCaseState,
  OPEN_CASE_STATES,
} from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import { auditCreation } from "../audit/write";
import { postEntries } from "../journal/post";
import { nextNumber } from "../records/numbers";
import type { ChildConfirmation } from "@/lib/domain/major/field-sync";
import { applyChildSync, copyJournalToChildren, planChildSync } from "../major/sync-children";
import { countChildrenWithActiveCustomer, readCaseCustomers } from "../tables/case-reads";
import { readCaseCreatedConfiguration, runCaseCreatedFollowUps } from "../follow-ups/case";
import { applyCasePatch } from "../case-change/persist";
import { requireCase, type CaseRow } from "../case-store/row";
import { checkResolution } from "./related-state";
import { releaseChildren } from "../major/release";
import { checkCaseReferences } from "../case-store/references";
import { createCaseOnce } from "../case-store/create-once";
import type { JournalKind } from "../tables/journal-entry";

/** MAJ-5: copies the major case's changed fields to its children (after the manager confirmed). */
async function syncChildren(
  tx: Tx,
  actor: Actor,
  current: CaseRow,
  patch: Record<string, unknown>,
  changedFields: string[],
  confirmed: ChildConfirmation,
  /** What the same save copies to the children afterwards (Request Info's question), asked together. */
  copies: readonly JournalKind[] = [],
): Promise<ChildConfirmation> {
  const changed = Object.fromEntries(changedFields.map((f) => [f, patch[f]]));
  const after = { ...current, ...patch };
  const childPatch = await planChildSync(tx, actor, current, after, changed, confirmed, copies);
  if (childPatch) await applyChildSync(tx, actor, current, childPatch);
  // The one question asked counted the children released and the copies too: confirmed for them.
  const asked = childPatch ? true : confirmed;
  // MAJ-2: a finished major case lets go of the children its change left open.
  const finished = patch.state === CaseState.Closed || patch.state === CaseState.Cancelled;
  if (finished && current.majorCaseState === MajorCaseState.Accepted)
    await releaseChildren(tx, actor, current, patch.state as number, asked);
  return asked;
}

function assertCanWrite(actor: Actor) {
  if (!canWriteCases(actor)) throw forbidden("Only customer service agents and managers can change cases.");
}

export async function createCase(actor: Actor, raw: NewCaseInput, outer?: Tx) {
  assertCanWrite(actor);
  const input = parseOrThrow(newCaseSchema, raw);
  return createCaseOnce(input.requestKey, actor.id, () =>
    inTransaction(outer, async (tx) => {
      await checkCaseReferences(tx, input);
      await readCaseCreatedConfiguration(tx); // before the number's lock (REC-1)
      const number = await nextNumber(tx, "case");
      const created = await tx.case.create({
        data: { ...input, number, state: CaseState.New, openedById: actor.id },
      });
      await auditCreation(tx, TABLE.case, created, actor);
      await runCaseCreatedFollowUps({ tx, actor, after: created });
      return { id: created.id, number };
    }),
  );
}

/** Saves the case form. State edits follow the lifecycle exactly as the buttons do (REC-3). */
export async function updateCase(actor: Actor, number: string, raw: CaseUpdateInput, outer?: Tx) {
  assertCanWrite(actor);
  const { version, state, confirmChildren, ...fields } = parseOrThrow(caseUpdateSchema, raw);
  const result = await inTransaction(outer, async (tx) => {
    const current = await requireCase(tx, number);
    if (isCaseClosedForChanges(current.state)) {
      throw invalid("state", `This case is ${labelOf(caseStates, current.state)} and cannot be changed.`);
    }
    const merged = { ...current, ...fields };
    // A work order's parties (FSM-2 shares the case's rules) and the case's assignment.
    const refs = [...PARTY_FIELDS, "assignmentGroupId", "assignedToId"] as const;
    if (refs.some((k) => fields[k] !== undefined && fields[k] !== current[k]))
      await checkCaseReferences(tx, merged, "case", current);
    const patch: Record<string, unknown> = { ...fields };
    if (state !== undefined) {
      assertCaseStateEdit(current.state, state); // NOT-1: Awaiting Info only through Request Info
      Object.assign(patch, planCaseStateChange(current.state, state, merged, new Date()));
    }
    // REC-4: a case that stays Resolved keeps a resolution code and notes.
    if ((patch.state ?? current.state) === CaseState.Resolved) assertResolution({ ...current, ...patch });
    assertVersion(current, version); // before checkResolution holds a related record (below)
    await checkResolution(tx, actor, current, patch);
    const changes = await applyCasePatch(tx, actor, current, version, patch);
    await syncChildren(
      tx,
      actor,
      current,
      patch,
      changes.map((c) => c.field),
      confirmChildren,
    );
    return { number, changed: changes.map((c) => c.field) };
  });
  return result;
}

/**
 * REC-6, asked before checkResolution (ITSM-4) — applyVersionedPatch asks it again when writing: a
 * path holding the case already (the Table API, bulk) held the related record the client's version
 * names; a case relinked since would have its new record locked after the case, out of order.
 */
function assertVersion(current: CaseRow, version: number) {
  if (current.version !== version) throw staleRecord("case");
}

/** NOT-1: Request Info that no customer would get. */
function nobodyToAsk(c: CaseRow) {
  return invalid(
    "question",
    c.majorCaseState === MajorCaseState.Accepted
      ? "Nobody would get this question: no open child case with an active contact or consumer gets " +
          "the major case's comments (case_fields_to_sync must list comments)."
      : c.contactId || c.consumerId
        ? "Nobody would get this question: the case's contact or consumer is deactivated. " +
          "Set an active one in Details first."
        : "Nobody would get this question: the case has no contact or consumer. Set one in Details first.",
  );
}

/** The lifecycle buttons: Accept, Request Info, Propose Solution, Close, Cancel, Reopen. */
export async function runCaseAction(actor: Actor, number: string, raw: CaseActionInput, outer?: Tx) {
  assertCanWrite(actor);
  const { action, version, confirmChildren, question, ...resolution } = parseOrThrow(caseActionSchema, raw);
  // NOT-1: Request Info asks the customer something; the question is required.
  if (action === "request_info" && !question)
    throw invalid("question", "Question is required: write what the customer should answer.");
  const result = await inTransaction(outer, async (tx) => {
    const current = await requireCase(tx, number);
    const patch = planCaseAction(action, current.state, resolution, new Date());
    // NOT-1: the question goes to the case's customer, who must be active to get it (a major case
    // asks through its children's customers, below).
    const major = current.majorCaseState === MajorCaseState.Accepted;
    const asksOwn = action === "request_info" && (await readCaseCustomers(tx, [current.id])).length > 0;
    if (action === "request_info" && !asksOwn && !major) throw nobodyToAsk(current);
    assertVersion(current, version);
    await checkResolution(tx, actor, current, patch);
    const changes = await applyCasePatch(tx, actor, current, version, patch, {
      question: action === "request_info" ? question : undefined,
    });
    // NOT-1: the question stays on the case as an additional comment; the Request Info email
    // (queued by the change above) carries it, so no second comment email is sent for it.
    const asked =
      action === "request_info" && question
        ? await postEntries(tx, { table: TABLE.case, recordId: current.id }, { comments: question }, actor)
        : [];
    const confirmed = await syncChildren(
      tx,
      actor,
      current,
      patch,
      changes.map((c) => c.field),
      confirmChildren,
      asked.map((e) => e.kind),
    );
    // MAJ-5 / NOT-1: a major case asks its open children's customers: the question is copied to them
    // as a comment (case_fields_to_sync lists comments by default) and emailed. Reaching no active
    // customer, the whole Request Info is refused — the children would wait on a question no one was asked.
    if (major && asked.length) {
      const copied = await copyJournalToChildren(tx, actor, current, asked, confirmed);
      const reached = copied && (await countChildrenWithActiveCustomer(tx, current.id, OPEN_CASE_STATES));
      if (!reached && !asksOwn) throw nobodyToAsk(current);
    }
    return { number, state: patch.state as number };
  });
  return result;
}
