// SPEC §1 request lifecycle: requested → in process → closed complete / incomplete / cancelled.
import { requestStates } from "../records/choices";
import { assertTransition, type Lifecycle } from "../records/state-machine";

export const RequestState = {
  Requested: "requested",
  InProcess: "in_process",
  ClosedComplete: "closed_complete",
  ClosedIncomplete: "closed_incomplete",
  ClosedCancelled: "closed_cancelled",
} as const;
const S = RequestState;

export const requestLifecycle: Lifecycle<string> = {
  noun: "request",
  states: requestStates,
  next: new Map<string, string[]>([
    [S.Requested, [S.InProcess, S.ClosedCancelled]],
    [S.InProcess, [S.ClosedComplete, S.ClosedIncomplete, S.ClosedCancelled]],
    [S.ClosedComplete, []],
    [S.ClosedIncomplete, []],
    [S.ClosedCancelled, []],
  ]),
};

export const CLOSED_REQUEST_STATES: string[] = [S.ClosedComplete, S.ClosedIncomplete, S.ClosedCancelled];
export const isOpenRequest = (state: string) => state === S.Requested || state === S.InProcess;

export function planRequestState(
  current: { state: string },
  input: { state: string },
  now: Date,
): Record<string, unknown> {
  assertTransition(requestLifecycle, current.state, input.state);
  if (input.state === current.state) return {};
  return { state: input.state, ...(isOpenRequest(input.state) ? {} : { closedAt: now }) };
}
