// MAJ-5: the fields of a major case copied to its children when they change, and which children.
import { CaseState, caseStates, labelOf, OPEN_CASE_STATES } from "../records/choices";

/** case_fields_to_sync names → case fields (comments and work_notes are journal copies, not fields). */
export const SYNCED_FIELDS: Record<string, string> = {
  priority: "priority",
  state: "state",
  close_notes: "resolutionNotes",
  resolution_code: "resolutionCode",
  short_description: "shortDescription",
  description: "description",
  impact: "impact",
  urgency: "urgency",
  assigned_to: "assignedToId",
};

/**
 * The states of the children a change of the major case reaches: New, Open and Awaiting Info —
 * and, when the major case closes, Resolved ones too (none stays Resolved under a closed major case).
 */
export function reachedStates(patch: Record<string, unknown>): number[] {
  return patch.state === CaseState.Closed ? [...OPEN_CASE_STATES, CaseState.Resolved] : [...OPEN_CASE_STATES];
}

type Resolution = { resolutionCode: string | null; resolutionNotes: string | null };

/**
 * The patch a change of the major case makes to each of its children, given the property.
 * Closing the major case closes its children whatever the property says. A child resolved or
 * closed by the major case gets the major case's resolution code and notes (REC-4).
 */
export function childPatch(
  changed: Record<string, unknown>,
  listed: readonly string[],
  now: Date,
  resolution?: Resolution,
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const name of listed) {
    const field = SYNCED_FIELDS[name];
    if (field && field in changed) patch[field] = changed[field];
  }
  const state = changed.state as number | undefined;
  if (state === CaseState.Closed) patch.state = CaseState.Closed;
  if (patch.state === CaseState.Resolved) patch.resolvedAt = now;
  if (patch.state === CaseState.Closed) patch.closedAt = now;
  if (resolution && (patch.state === CaseState.Resolved || patch.state === CaseState.Closed))
    Object.assign(patch, resolution);
  return patch;
}

/** The children a finished major case lets go (MAJ-2): all but the Closed and Cancelled ones. */
export const RELEASED_STATES: readonly number[] = [...OPEN_CASE_STATES, CaseState.Resolved];

type Copied = readonly ("comments" | "work_notes")[];

/**
 * What a change of the major case does to its children: a patch of fields, or journal entries
 * copied. With a patch, the same save may also copy entries (`copies`: Request Info's question) and
 * release the children it leaves behind (`released`: Cancel leaves Resolved ones) — said in the one
 * question the manager confirms, which covers all of it.
 */
export type ChildChange =
  { patch: Record<string, unknown>; copies?: Copied; released?: number } | { journal: Copied };

/** The synced fields' names as the manager reads them (resolvedAt / closedAt go with the state). */
const FIELD_NAMES: Record<string, string> = {
  priority: "priority",
  shortDescription: "short description",
  description: "description",
  impact: "impact",
  urgency: "urgency",
  assignedToId: "assignee",
  assignmentGroupId: "assignment group",
  resolutionCode: "resolution code",
  resolutionNotes: "resolution notes",
};
/** Said once as "the major case's resolution" when the children are resolved or closed with it. */
const RESOLUTION = ["resolutionCode", "resolutionNotes"];

const list = (words: string[]) =>
  words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;

const copiesText = (kinds: Copied) =>
  list(
    kinds.map((k) =>
      k === "comments" ? "the additional comment (emailed to its customer)" : "the work note",
    ),
  );

/** What each reached child undergoes, in words (the same rules as childPatch and reachedStates). */
function childEffect(change: ChildChange): string {
  if ("journal" in change) return `each open one gets ${copiesText(change.journal)}`;
  const copied = change.copies?.length ? `; each open one also gets ${copiesText(change.copies)}` : "";
  const n = change.released ?? 0;
  const others = n === 1 ? "1 other child case is" : `${n} other child cases are`;
  const released = n ? `; ${others} released: each becomes an ordinary case again` : "";
  return patchEffect(change.patch) + copied + released;
}

function patchEffect(patch: Record<string, unknown>): string {
  const resolving = patch.state === CaseState.Resolved || patch.state === CaseState.Closed;
  const fields = Object.keys(FIELD_NAMES).filter((f) => f in patch && !(resolving && RESOLUTION.includes(f)));
  const also = fields.length ? `, and the new ${list(fields.map((f) => FIELD_NAMES[f]))}` : "";
  if (patch.state === CaseState.Closed)
    return `each is closed with the major case's resolution, Resolved ones too${also}`;
  if (patch.state === CaseState.Resolved)
    return `each open one is resolved with the major case's resolution${also}`;
  if (typeof patch.state === "number")
    return `each open one becomes ${labelOf(caseStates, patch.state)}${also}`;
  return `each open one gets the new ${list(fields.map((f) => FIELD_NAMES[f]))}`;
}

/**
 * What the manager is asked before saving (MAJ-5): how many children the save will change and
 * what it does to them — "This will update 2 child cases: each is closed with the major case's
 * resolution, Resolved ones too." Resolved, Closed and Cancelled children are otherwise left alone.
 */
export function confirmMessage(n: number, change: ChildChange): string {
  return `This will update ${n} child case${n === 1 ? "" : "s"}: ${childEffect(change)}.`;
}

/**
 * MAJ-5: what the one changing a major case confirmed. The workspace sends back the question it
 * showed, so a change is applied only to what was asked: when children joined (or left) while the
 * dialog was open, the question differs and is asked again — a Close confirmed for 3 children closed
 * the 200 proactive cases that had joined meanwhile. `true` confirms whatever is asked: the Table
 * API's sysparm_confirm_children=true, and a question of this same save already confirmed.
 */
export type ChildConfirmation = true | string | undefined;

export const confirmsQuestion = (confirmed: ChildConfirmation, question: string) =>
  confirmed === true || (typeof confirmed === "string" && confirmed === question);
