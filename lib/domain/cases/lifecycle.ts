// SPEC §1 case lifecycle and the buttons that drive it.
import { invalid } from "../errors";
import {
  CaseState as S,
  caseStates,
  caseResolutionCodes,
  isChoice,
  labelOf,
  shownValue,
} from "../records/choices";
import { assertTransition, selectableStates, type Lifecycle } from "../records/state-machine";

export const caseLifecycle: Lifecycle<number> = {
  noun: "case",
  states: caseStates,
  next: new Map<number, number[]>([
    [S.New, [S.Open, S.Cancelled]],
    [S.Open, [S.AwaitingInfo, S.Resolved, S.Cancelled]],
    [S.AwaitingInfo, [S.Open, S.Cancelled]],
    [S.Resolved, [S.Closed, S.Open]],
    [S.Closed, []],
    [S.Cancelled, []],
  ]),
};

export type CaseActionId = "accept" | "request_info" | "propose_solution" | "close" | "cancel" | "reopen";

export const CASE_ACTIONS: readonly {
  id: CaseActionId;
  label: string;
  from: readonly number[];
  to: number;
}[] = [
  { id: "accept", label: "Accept", from: [S.New], to: S.Open },
  { id: "request_info", label: "Request Info", from: [S.Open], to: S.AwaitingInfo },
  { id: "propose_solution", label: "Propose Solution", from: [S.Open], to: S.Resolved },
  { id: "close", label: "Close", from: [S.Resolved], to: S.Closed },
  { id: "reopen", label: "Reopen", from: [S.Resolved], to: S.Open },
  { id: "cancel", label: "Cancel", from: [S.New, S.Open, S.AwaitingInfo], to: S.Cancelled },
];

/**
 * NOT-1: the states a State edit (the case form, the bulk action, the Table API) does not enter,
 * with the button that does: Request Info asks the customer its question, which a State edit has not.
 */
const STATES_SET_BY_BUTTON: ReadonlyMap<number, string> = new Map([[S.AwaitingInfo, "Request Info"]]);

/** Whether a State edit may enter `state` (Awaiting Info: only Request Info). */
export const enteredByStateEdit = (state: number) => !STATES_SET_BY_BUTTON.has(state);

/** The case form's State choices: the current state and the legal next ones a State edit may enter. */
export function editableCaseStates(current: number) {
  return selectableStates(caseLifecycle, current).filter(
    (s) => s.value === current || enteredByStateEdit(s.value),
  );
}

/** Refuses a State edit into a state only its button sets (naming the button). */
export function assertCaseStateEdit(current: number, target: number) {
  const button = STATES_SET_BY_BUTTON.get(target);
  if (button && target !== current)
    throw invalid(
      "state",
      `${labelOf(caseStates, target)} is set by ${button}, which asks the customer a question: ` +
        `press ${button} instead.`,
    );
}

export function caseActionsFor(state: number) {
  return CASE_ACTIONS.filter((a) => a.from.includes(state));
}

export function isCaseClosedForChanges(state: number): boolean {
  return state === S.Closed || state === S.Cancelled;
}

export type ResolutionInput = { resolutionCode?: string | null; resolutionNotes?: string | null };

/** REC-4: resolving needs a known resolution code and notes. */
export function assertResolution(input: ResolutionInput): {
  resolutionCode: string;
  resolutionNotes: string;
} {
  const code = input.resolutionCode?.trim() ?? "";
  const notes = input.resolutionNotes?.trim() ?? "";
  if (!code) throw invalid("resolutionCode", "Resolution code is required to resolve a case.");
  if (!isChoice(caseResolutionCodes, code))
    throw invalid("resolutionCode", `${shownValue(code)} is not a case resolution code.`);
  if (!notes) throw invalid("resolutionNotes", "Resolution notes are required to resolve a case.");
  return { resolutionCode: code, resolutionNotes: notes };
}

/**
 * The state change an action or a State edit makes, with the fields that go with it.
 * Throws (naming the field) when the move is illegal or a required field is missing.
 */
export function planCaseStateChange(
  current: number,
  target: number,
  input: ResolutionInput,
  now: Date,
): Record<string, unknown> {
  if (current === target) return {};
  if (current === S.Closed || current === S.Cancelled) {
    throw invalid(
      "state",
      `This case is ${current === S.Closed ? "Closed" : "Cancelled"} and cannot be changed.`,
    );
  }
  assertTransition(caseLifecycle, current, target);
  const changes: Record<string, unknown> = { state: target };
  if (target === S.Resolved) Object.assign(changes, assertResolution(input), { resolvedAt: now });
  if (target === S.Closed) changes.closedAt = now;
  if (current === S.Resolved && target === S.Open) changes.resolvedAt = null;
  return changes;
}

export function planCaseAction(action: CaseActionId, current: number, input: ResolutionInput, now: Date) {
  const def = CASE_ACTIONS.find((a) => a.id === action);
  if (!def) throw invalid("action", `Unknown case action "${action}".`);
  if (!def.from.includes(current)) {
    throw invalid("state", `${def.label} is not possible while the case is ${labelOf(caseStates, current)}.`);
  }
  return planCaseStateChange(current, def.to, input, now);
}
