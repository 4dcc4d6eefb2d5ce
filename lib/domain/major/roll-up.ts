// MAJ-4: which case gets which note when a related record changes, with major cases in play.
// The SQL fan-out (lib/server/tables/case-links.ts) implements exactly these decisions; tests compare
// the two on the same data.
import { OPEN_CASE_STATES } from "../records/choices";

/** A case as the roll-up sees it, relative to the record that changed. */
export type RollUpCase = {
  id: number;
  /** The major case it is a child of. */
  parentId: number | null;
  isMajor: boolean;
  state: number;
  /** Linked to the record that changed. */
  linked: boolean;
  /** Linked to another record of the same type instead. */
  otherRecord: boolean;
};

export type RollUp = {
  /** Cases noted directly. */
  direct: number[];
  /** Child cases that receive the major case's note as a copy. */
  copies: number[];
};

/**
 * - A linked case gets the note — unless it is a child whose major case is linked too: then the
 *   major case gets it once (MAJ-4).
 * - When work notes are synced to children (case_fields_to_sync lists work_notes), the major
 *   case's note is copied to its children that are not Resolved, Closed or Cancelled (MAJ-5) and
 *   do not have a different record of the same type (MAJ-4).
 */
export function rollUp(cases: readonly RollUpCase[], syncWorkNotes: boolean): RollUp {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const linkedMajors = new Set(cases.filter((c) => c.linked && c.isMajor).map((c) => c.id));
  const direct = cases
    .filter((c) => c.linked && !(c.parentId !== null && byId.get(c.parentId)?.linked))
    .map((c) => c.id);
  const copies = syncWorkNotes
    ? cases
        .filter(
          (c) =>
            c.parentId !== null &&
            linkedMajors.has(c.parentId) &&
            OPEN_CASE_STATES.includes(c.state) &&
            !c.otherRecord,
        )
        .map((c) => c.id)
    : [];
  return { direct: direct.sort((a, b) => a - b), copies: copies.sort((a, b) => a - b) };
}
