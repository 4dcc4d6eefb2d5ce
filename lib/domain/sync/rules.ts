// SYNC-1: the named business rules that copy related-record updates into case work notes.
// The event key makes a note unique per case per event (SYNC-3): the same update never notes twice.
import { RESOLVED_INCIDENT_STATES } from "../incidents/lifecycle";
import { RESOLVED_PROBLEM_STATES } from "../itsm/problems/lifecycle";
import { CLOSED_REQUEST_STATES } from "../itsm/requests/lifecycle";
import {
  changeCloseCodes,
  ChangeState,
  changeStates,
  incidentResolutionCodes,
  IncidentState,
  incidentStates,
  labelOf,
  onHoldReasons,
  problemResolutionCodes,
  problemStates,
  requestStates,
} from "../records/choices";
import { auditText } from "../audit/diff";
import type { SyncEvent } from "./events";
import { recordRules, type SyncRule } from "./record-rules";
import { WORK_ORDER_RULES } from "./work-order-rules";

export type { SyncRule } from "./record-rules";

const line = (label: string, value: unknown) => `${label}: ${auditText(value) || "—"}`;

export const INCIDENT_RULES = recordRules({
  table: "incident",
  noun: "Incident",
  names: {
    state: "Update case worknote for state change",
    done: "Update case worknote for resolution",
    comments: "Update case worknote for comments change",
  },
  stateLabel: (v) => labelOf(incidentStates, v as number),
  doneStates: RESOLVED_INCIDENT_STATES,
  doneLabel: "Resolved or Closed",
  stateDetail: (e) =>
    e.after.state === IncidentState.OnHold && e.after.onHoldReason
      ? `On hold reason: ${labelOf(onHoldReasons, e.after.onHoldReason as number)}`
      : null,
  doneDetail: (e) => [
    line("Resolution code", labelOf(incidentResolutionCodes, e.after.resolutionCode as string)),
    line("Resolution notes", e.after.resolutionNotes),
  ],
});

export const PROBLEM_RULES = recordRules({
  table: "problem",
  noun: "Problem",
  names: {
    state: "Update case worknote for problem state change",
    done: "Update case worknote for problem resolution",
    comments: "Update case worknote for problem comments",
  },
  stateLabel: (v) => labelOf(problemStates, v as number),
  doneStates: RESOLVED_PROBLEM_STATES,
  doneLabel: "Resolved or Closed",
  doneDetail: (e) => [
    line("Resolution code", labelOf(problemResolutionCodes, e.after.resolutionCode as string)),
    line("Resolution notes", e.after.resolutionNotes),
    ...(e.after.causeNotes ? [line("Cause notes", e.after.causeNotes)] : []),
    ...(e.after.fixNotes ? [line("Fix notes", e.after.fixNotes)] : []),
  ],
});

export const CHANGE_RULES = recordRules({
  table: "change_request",
  noun: "Change",
  names: {
    state: "Update case worknote for change state change",
    done: "Update case worknote for change closure",
    comments: "Update case worknote for change comments",
  },
  stateLabel: (v) => labelOf(changeStates, v as number),
  doneStates: [ChangeState.Closed],
  doneLabel: "Closed",
  doneDetail: (e) => [
    line("Close code", labelOf(changeCloseCodes, e.after.closeCode as string)),
    line("Close notes", e.after.closeNotes),
  ],
});

export const REQUEST_RULES = recordRules({
  table: "sc_request",
  noun: "Request",
  names: {
    state: "Update case worknote for request state change",
    done: "Update case worknote for request closure",
    comments: "Update case worknote for request comments",
  },
  stateLabel: (v) => labelOf(requestStates, v as string),
  doneStates: CLOSED_REQUEST_STATES,
  doneLabel: "Closed",
  doneDetail: () => [],
});

export const SYNC_RULES: readonly SyncRule[] = [
  ...INCIDENT_RULES,
  ...PROBLEM_RULES,
  ...CHANGE_RULES,
  ...REQUEST_RULES,
  ...WORK_ORDER_RULES,
];

/** The key of one rule's note for one event: identical on every retry of the same event. */
export function eventKey(rule: SyncRule, e: SyncEvent): string {
  const what = e.type === "comment" ? `comment:${e.entryId}` : `v${e.version}`;
  return `${e.record.table}:${e.record.id}:${what}:${rule.name}`;
}

export type PlannedNote = { rule: SyncRule; key: string; body: string };

/** The notes an event produces, given which rules are active. */
export function plannedNotes(e: SyncEvent, isActive: (rule: SyncRule) => boolean): PlannedNote[] {
  return SYNC_RULES.filter((r) => r.table === e.record.table && isActive(r) && r.applies(e)).map((rule) => ({
    rule,
    key: eventKey(rule, e),
    body: rule.note(e),
  }));
}
