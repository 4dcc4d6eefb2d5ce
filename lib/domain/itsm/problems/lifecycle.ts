// SPEC §1 problem lifecycle: New → Assess → Root Cause Analysis → Fix in Progress → Resolved → Closed.
// Any open problem may be resolved (Duplicate, Risk Accepted, Canceled); a resolved one can go
// back to Root Cause Analysis.
import { invalid } from "../../errors";
import {
  isChoice,
  problemResolutionCodes,
  ProblemState as S,
  problemStates,
  shownValue,
  type ProblemStateValue,
} from "../../records/choices";
import { assertTransition, type Lifecycle } from "../../records/state-machine";

export const problemLifecycle: Lifecycle<ProblemStateValue> = {
  noun: "problem",
  states: problemStates,
  next: new Map<ProblemStateValue, ProblemStateValue[]>([
    [S.New, [S.Assess, S.Resolved]],
    [S.Assess, [S.RootCauseAnalysis, S.Resolved]],
    [S.RootCauseAnalysis, [S.FixInProgress, S.Resolved]],
    [S.FixInProgress, [S.Resolved]],
    [S.Resolved, [S.Closed, S.RootCauseAnalysis]],
    [S.Closed, []],
  ]),
};

/** Resolved or Closed: no longer open. */
export const RESOLVED_PROBLEM_STATES: number[] = [S.Resolved, S.Closed];
export const isOpenProblem = (state: number) => !RESOLVED_PROBLEM_STATES.includes(state);
export const isProblemClosedForChanges = (state: number) => state === S.Closed;

type Current = { state: number; resolutionCode: string | null; resolutionNotes: string | null };
type Input = { state: number; resolutionCode?: string | null; resolutionNotes?: string | null };

/**
 * The fields a problem state edit sets. REC-4: Resolved and Closed need a resolution code and
 * resolution notes — given in the edit or already stored (closing a resolved problem keeps them).
 */
export function planProblemState(current: Current, input: Input, now: Date): Record<string, unknown> {
  assertTransition(problemLifecycle, current.state, input.state);
  const changes: Record<string, unknown> = {};
  if (input.state !== current.state) changes.state = input.state;
  const code = input.resolutionCode === undefined ? current.resolutionCode : input.resolutionCode;
  const notes =
    (input.resolutionNotes === undefined ? current.resolutionNotes : input.resolutionNotes)?.trim() || null;
  if (input.state === S.Resolved || input.state === S.Closed) {
    if (!code) throw invalid("resolutionCode", "Resolution code is required to resolve a problem.");
    if (!isChoice(problemResolutionCodes, code))
      throw invalid("resolutionCode", `${shownValue(code)} is not a problem resolution code.`);
    if (!notes) throw invalid("resolutionNotes", "Resolution notes are required to resolve a problem.");
    if (current.state !== S.Resolved && current.state !== S.Closed) changes.resolvedAt = now;
    if (input.state === S.Closed && current.state !== S.Closed) changes.closedAt = now;
  } else if (current.state === S.Resolved) {
    changes.resolvedAt = null;
  }
  if (code !== current.resolutionCode) changes.resolutionCode = code ?? null;
  if (notes !== current.resolutionNotes) changes.resolutionNotes = notes;
  return changes;
}
