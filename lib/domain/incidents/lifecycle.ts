// SPEC §1 incident lifecycle; on-hold reason and resolution rules (INC-8).
import { invalid } from "../errors";
import {
  IncidentState as S,
  incidentStates,
  incidentResolutionCodes,
  onHoldReasons,
  isChoice,
  shownValue,
} from "../records/choices";
import { assertTransition, type Lifecycle } from "../records/state-machine";

export const incidentLifecycle: Lifecycle<number> = {
  noun: "incident",
  states: incidentStates,
  next: new Map<number, number[]>([
    [S.New, [S.InProgress, S.OnHold, S.Resolved, S.Canceled]],
    [S.InProgress, [S.OnHold, S.Resolved, S.Canceled]],
    [S.OnHold, [S.InProgress, S.Resolved, S.Canceled]],
    [S.Resolved, [S.InProgress, S.Closed]],
    [S.Closed, []],
    [S.Canceled, []],
  ]),
};

export const OPEN_INCIDENT_STATES: number[] = [S.New, S.InProgress, S.OnHold];
export const isOpenIncident = (state: number) => OPEN_INCIDENT_STATES.includes(state);
/** Resolved or Closed: the incident fixed the issue (a related resolution code and the sync's resolution note). */
export const RESOLVED_INCIDENT_STATES: number[] = [S.Resolved, S.Closed];

export type IncidentStateInput = {
  state: number;
  onHoldReason?: number | null;
  resolutionCode?: string | null;
  resolutionNotes?: string | null;
};

type Current = {
  state: number;
  onHoldReason: number | null;
  resolutionCode: string | null;
  resolutionNotes: string | null;
};

export const isIncidentClosedForChanges = (state: number) => state === S.Closed || state === S.Canceled;

/** The fields a state edit sets; throws naming the field when it is illegal or incomplete. */
export function planIncidentState(
  current: Current,
  input: IncidentStateInput,
  now: Date,
): Record<string, unknown> {
  const target = input.state;
  assertTransition(incidentLifecycle, current.state, target);
  const changes: Record<string, unknown> = {};
  if (target !== current.state) changes.state = target;

  if (target === S.OnHold) {
    const reason = input.onHoldReason ?? current.onHoldReason;
    if (reason === null || reason === undefined)
      throw invalid("onHoldReason", "On hold reason is required to put an incident On Hold.");
    if (!isChoice(onHoldReasons, reason))
      throw invalid("onHoldReason", `${shownValue(reason)} is not an on hold reason.`);
    if (reason !== current.onHoldReason) changes.onHoldReason = reason;
  } else if (current.onHoldReason !== null) {
    changes.onHoldReason = null;
  }

  const resolving = target === S.Resolved || target === S.Closed;
  if (resolving) {
    const code = (input.resolutionCode ?? current.resolutionCode ?? "").trim();
    const notes = (input.resolutionNotes ?? current.resolutionNotes ?? "").trim();
    if (!code) throw invalid("resolutionCode", "Resolution code is required to resolve an incident.");
    if (!isChoice(incidentResolutionCodes, code))
      throw invalid("resolutionCode", `${shownValue(code)} is not an incident resolution code.`);
    if (!notes) throw invalid("resolutionNotes", "Resolution notes are required to resolve an incident.");
    if (code !== current.resolutionCode) changes.resolutionCode = code;
    if (notes !== current.resolutionNotes) changes.resolutionNotes = notes;
    if (target === S.Resolved && current.state !== S.Resolved) changes.resolvedAt = now;
    if (target === S.Closed && current.state !== S.Closed) changes.closedAt = now;
  } else {
    if (input.resolutionCode !== undefined && (input.resolutionCode ?? null) !== current.resolutionCode)
      changes.resolutionCode = input.resolutionCode || null;
    if (input.resolutionNotes !== undefined && (input.resolutionNotes ?? null) !== current.resolutionNotes)
      changes.resolutionNotes = input.resolutionNotes || null;
    if (current.state === S.Resolved) changes.resolvedAt = null;
  }
  return changes;
}
