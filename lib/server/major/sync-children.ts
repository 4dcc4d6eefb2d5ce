import "server-only";
import { runAgentCommentFollowUps } from "../follow-ups/agent-comment";
import type { Tx } from "@/lib/db";
import { isMajorIssueManager, type Actor } from "@/lib/domain/auth/roles";
import { auditText } from "@/lib/domain/audit/diff";
import { confirmFirst, forbidden } from "@/lib/domain/errors";
import {
  childPatch,
  confirmMessage,
  confirmsQuestion,
  reachedStates,
  RELEASED_STATES,
  SYNCED_FIELDS,
  type ChildChange,
  type ChildConfirmation,
} from "@/lib/domain/major/field-sync";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import {
  caseStates,
  CaseState,
  labelOf,
  MajorCaseState,
  OPEN_CASE_STATES,
} from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { queueCommentEmails } from "../email/customer-comments";
import { changeChildren } from "../follow-ups/children";
import { listProperty } from "../properties/read";
import type { CaseRow } from "../case-store/row";
import { insertChangeAuditOnCases } from "../tables/audit-entry";
import { lockCases } from "../tables/case";
import { childrenIn, type CaseSelection } from "../tables/case-selection";
import { insertNotesOnCases, type JournalKind } from "../tables/journal-entry";
import { childCommentsOf } from "../tables/outbox-message";

// MAJ-5: changes of a major case copied to its children that are not Resolved, Closed or
// Cancelled (closing the major case closes its Resolved children too) — in a few set-based
// statements, whatever the number of children: one audit INSERT … SELECT per field (old values
// read from the children themselves), one work note INSERT … SELECT on a close, then one UPDATE.

const RULE = "Major case sync";
/** Every synced field is audited on each child (resolvedAt / closedAt go with the state and are not). */
const AUDITED = [...Object.values(SYNCED_FIELDS), "assignmentGroupId"];

type Major = Pick<CaseRow, "id" | "number" | "version">;

export async function childCount(tx: Tx, majorId: number, states: number[]): Promise<number> {
  return tx.case.count({ where: { parentId: majorId, state: { in: states } } });
}

/**
 * MAJ-5: only a major issue manager changes a major case's children, and only after confirming
 * how many (a DomainError of kind "confirm" otherwise — nothing is saved): the question confirmed
 * must be the one this save would ask, so children that joined since are asked about again.
 */
async function allowCascade(
  tx: Tx,
  actor: Actor,
  majorId: number,
  confirmed: ChildConfirmation,
  change: ChildChange,
  states: number[] = OPEN_CASE_STATES,
): Promise<boolean> {
  const n = await childCount(tx, majorId, states);
  if (!n) return false;
  if (!isMajorIssueManager(actor))
    throw forbidden(
      "Only major issue managers can change a major case's child cases; this change would reach them.",
    );
  const question = confirmMessage(n, change);
  if (!confirmsQuestion(confirmed, question)) throw confirmFirst(question);
  return true;
}

/** The patch the major case's change makes to its children (after allowCascade), or null. */
export async function planChildSync(
  tx: Tx,
  actor: Actor,
  major: CaseRow,
  after: CaseRow,
  changed: Record<string, unknown>,
  confirmed: ChildConfirmation,
  /** Entries the same save copies to the children next (Request Info's question): asked together. */
  copies: readonly JournalKind[] = [],
) {
  if (major.majorCaseState !== MajorCaseState.Accepted) return null;
  const listed = await listProperty(PROPERTY.caseFieldsToSync, tx);
  // REC-4: a child resolved or closed by the major case gets its resolution, changed now or not.
  const patch = childPatch(changed, listed, new Date(), {
    resolutionCode: after.resolutionCode,
    resolutionNotes: after.resolutionNotes,
  });
  if (!Object.keys(patch).length) return null;
  // WRK-1: an assignee is a member of the record's group — the major case's assignee comes with
  // the major case's group, or a child of another group would hold someone not in it.
  if ("assignedToId" in patch) patch.assignmentGroupId = after.assignmentGroupId;
  const reached = reachedStates(patch);
  // A finished major case then releases the children this change leaves (release.ts): counted here,
  // so the one question the manager confirms says so (it released them unannounced).
  const finished = after.state === CaseState.Closed || after.state === CaseState.Cancelled;
  const left = RELEASED_STATES.filter((s) => !reached.includes(s));
  const released = finished && left.length ? await childCount(tx, major.id, left) : 0;
  const change = { patch, copies: copies.filter((k) => listed.includes(k)), released };
  return (await allowCascade(tx, actor, major.id, confirmed, change, reached)) ? patch : null;
}

export async function applyChildSync(tx: Tx, actor: Actor, major: Major, patch: Record<string, unknown>) {
  const now = new Date();
  const states = reachedStates(patch);
  const reached = childrenIn(major.id, states);
  // PostgreSQL: the children stay as read until they are updated (the major case is locked already).
  await lockCases(tx, reached);
  for (const field of Object.keys(patch).filter((f) => AUDITED.includes(f)))
    await insertChangeAuditOnCases(tx, reached, field, auditText(patch[field]), actor, now);
  // Only the children the change moves: one already in the state has nothing to be told.
  if (patch.state !== undefined) {
    const moved = childrenIn(
      major.id,
      states.filter((s) => s !== patch.state),
    );
    await noteChildrenState(tx, actor, major, patch, moved, now);
  }
  const { state, priority, assignedToId, assignmentGroupId } = patch as {
    state?: number;
    priority?: number;
    assignedToId?: number | null;
    assignmentGroupId?: number | null;
  };
  // What follows runs around the one update: SLA timers before it (NOT-5), customer and assignee
  // emails after (NOT-1, WRK-1).
  const change = {
    tx,
    actor,
    parentId: major.id,
    states,
    patch: { state, priority, assignedToId, assignmentGroupId },
    now,
  };
  return changeChildren(change, async () => {
    const { count } = await tx.case.updateMany({
      where: { parentId: major.id, state: { in: states } },
      data: { ...patch, version: { increment: 1 } },
    });
    return count;
  });
}

/**
 * MAJ-5: a work note on each child whose state the major case's change sets (one statement), so the
 * child's agent sees why it moved — a New child resolved with its major case skips Open.
 */
function noteChildrenState(
  tx: Tx,
  actor: Actor,
  major: Major,
  patch: Record<string, unknown>,
  reached: CaseSelection,
  now: Date,
) {
  const state = Number(patch.state);
  const lines = [
    state === CaseState.Closed
      ? `Closed with major case ${major.number}.`
      : `${labelOf(caseStates, state)} with major case ${major.number}.`,
  ];
  if (state === CaseState.Closed || state === CaseState.Resolved)
    lines.push(
      `Resolution code: ${auditText(patch.resolutionCode) ?? "—"}`,
      `Resolution notes: ${auditText(patch.resolutionNotes) ?? "—"}`,
    );
  const event = state === CaseState.Closed ? "major-close" : `major-state-${state}`;
  const eventKey = `${event}:${major.id}:v${major.version}`;
  const source = { table: TABLE.case, id: major.id, number: major.number, eventKey, ruleName: RULE };
  return insertNotesOnCases(
    tx,
    reached,
    { kind: "work_notes", body: lines.join("\n"), author: actor, source },
    now,
  );
}

/**
 * MAJ-5: additional comments and work notes posted on the major case are copied to its open
 * children when case_fields_to_sync lists comments / work_notes; one statement per entry (plus
 * the children's customer emails for a comment: lib/server/email/customer-comments.ts).
 */
export async function copyJournalToChildren(
  tx: Tx,
  actor: Actor,
  major: Pick<CaseRow, "id" | "number" | "majorCaseState">,
  entries: { id: number; kind: JournalKind; body: string }[],
  confirmed: ChildConfirmation,
) {
  if (major.majorCaseState !== MajorCaseState.Accepted || !entries.length) return 0;
  const listed = await listProperty(PROPERTY.caseFieldsToSync, tx);
  const copies = entries.filter((x) => listed.includes(x.kind));
  const journal = { journal: copies.map((x) => x.kind) };
  if (!copies.length || !(await allowCascade(tx, actor, major.id, confirmed, journal))) return 0;
  let copied = 0;
  for (const e of copies) {
    const eventKey = `major-copy:${e.id}`;
    const source = { table: TABLE.case, id: major.id, number: major.number, eventKey, ruleName: RULE };
    const note = { kind: e.kind, body: e.body, author: actor, source };
    copied += await insertNotesOnCases(tx, childrenIn(major.id, OPEN_CASE_STATES), note, new Date());
    // PRO-5: each child's customer is emailed the copied comment (one statement for all children).
    if (e.kind === "comments") await queueCommentEmails(tx, childCommentsOf(major.id, eventKey), e.body);
    // NOT-5: the manager's comment answers each child's customer (an agent's, not a customer's reply).
    if (e.kind === "comments") {
      const children = await tx.case.findMany({
        where: { parentId: major.id, state: { in: [...OPEN_CASE_STATES] } },
        select: { id: true },
      });
      await runAgentCommentFollowUps(
        tx,
        children.map((c) => c.id),
      );
    }
  }
  return copied;
}
