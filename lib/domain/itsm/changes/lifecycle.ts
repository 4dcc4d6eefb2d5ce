// SPEC §1 change lifecycle. Normal: New → Assess → Authorize → Scheduled → Implement → Review →
// Closed. A standard change (from an approved template) skips Assess and Authorize; an emergency
// change skips Assess. Any change that is not closed can be canceled.
import { invalid } from "../../errors";
import {
  changeCloseCodes,
  ChangeState as S,
  changeStates,
  changeTypes,
  isChoice,
  shownValue,
  type ChangeStateValue,
  type ChangeType,
} from "../../records/choices";
import { assertTransition, type Lifecycle } from "../../records/state-machine";

const PATH: Record<ChangeType, ChangeStateValue[]> = {
  normal: [S.New, S.Assess, S.Authorize, S.Scheduled, S.Implement, S.Review, S.Closed],
  emergency: [S.New, S.Authorize, S.Scheduled, S.Implement, S.Review, S.Closed],
  standard: [S.New, S.Scheduled, S.Implement, S.Review, S.Closed],
};

/** The lifecycle of a change of this type (an unknown type follows the normal path). */
export function changeLifecycle(type: string): Lifecycle<ChangeStateValue> {
  const path = isChoice(changeTypes, type) ? PATH[type] : PATH.normal;
  const next = new Map<ChangeStateValue, ChangeStateValue[]>();
  path.forEach((s, i) => next.set(s, s === S.Closed ? [] : [path[i + 1], S.Canceled]));
  next.set(S.Canceled, []);
  // Every change state keeps its label; the path decides which moves are legal.
  return { noun: `${type} change`, states: changeStates, next };
}

/** Closed or Canceled: no longer open. */
export const FINISHED_CHANGE_STATES: number[] = [S.Closed, S.Canceled];
export const isOpenChange = (state: number) => !FINISHED_CHANGE_STATES.includes(state);

type Current = { state: number; type: string; closeCode: string | null; closeNotes: string | null };

/** The fields a change state edit sets; closing needs a close code and close notes. */
export function planChangeState(
  current: Current,
  input: { state: number; closeCode?: string | null; closeNotes?: string | null },
  now: Date,
): Record<string, unknown> {
  assertTransition(changeLifecycle(current.type), current.state, input.state);
  const changes: Record<string, unknown> = {};
  if (input.state !== current.state) changes.state = input.state;
  const code = input.closeCode === undefined ? current.closeCode : input.closeCode;
  const notes = (input.closeNotes === undefined ? current.closeNotes : input.closeNotes)?.trim() || null;
  if (input.state === S.Closed) {
    if (!code) throw invalid("closeCode", "Close code is required to close a change.");
    if (!isChoice(changeCloseCodes, code))
      throw invalid("closeCode", `${shownValue(code)} is not a change close code.`);
    if (!notes) throw invalid("closeNotes", "Close notes are required to close a change.");
    if (current.state !== S.Closed) changes.closedAt = now;
  }
  if (code !== current.closeCode) changes.closeCode = code ?? null;
  if (notes !== current.closeNotes) changes.closeNotes = notes;
  return changes;
}
