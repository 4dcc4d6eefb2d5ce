// MAJ-5: the fields of a major case copied to its children when they change, and which children.
import { CaseState, OPEN_CASE_STATES } from "../records/choices";

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

/** What the manager is asked before saving: how many children the save will change. */
export const confirmMessage = (n: number) => `This will update ${n} child case${n === 1 ? "" : "s"}.`;
