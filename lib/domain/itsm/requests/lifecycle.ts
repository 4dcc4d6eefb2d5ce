// SPEC §1 request lifecycle: requested → in process → closed complete / incomplete / cancelled.
import { RequestState as S, requestStates, type RequestStateValue } from "../../records/choices";
import { assertTransition, type Lifecycle } from "../../records/state-machine";

export const requestLifecycle: Lifecycle<RequestStateValue> = {
  noun: "request",
  states: requestStates,
  next: new Map<RequestStateValue, RequestStateValue[]>([
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
