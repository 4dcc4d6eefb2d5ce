// SPEC §1 state lists, each defined once: the named values code uses (`CaseState.Open`), the choice
// list in display order with its labels, and the literal union of its values, derived from the list.
import { labelledByValue, list } from "./choice-list";

export const CaseState = {
  New: 1,
  Open: 10,
  AwaitingInfo: 18,
  Resolved: 6,
  Closed: 3,
  Cancelled: 7,
} as const;
export const caseStates = list([
  [CaseState.New, "New"],
  [CaseState.Open, "Open"],
  [CaseState.AwaitingInfo, "Awaiting Info"],
  [CaseState.Resolved, "Resolved"],
  [CaseState.Closed, "Closed"],
  [CaseState.Cancelled, "Cancelled"],
]);
export type CaseStateValue = (typeof caseStates)[number]["value"];
export const OPEN_CASE_STATES: number[] = [CaseState.New, CaseState.Open, CaseState.AwaitingInfo];

export const MajorCaseState = {
  None: "",
  Proposed: "proposed",
  Accepted: "accepted",
  Rejected: "rejected",
  Cancelled: "cancelled",
} as const;
export const majorCaseStates = list([
  [MajorCaseState.None, "—"],
  [MajorCaseState.Proposed, "Proposed"],
  [MajorCaseState.Accepted, "Accepted"],
  [MajorCaseState.Rejected, "Rejected"],
  [MajorCaseState.Cancelled, "Cancelled"],
]);
export type MajorCaseStateValue = (typeof majorCaseStates)[number]["value"];

export const IncidentState = {
  New: 1,
  InProgress: 2,
  OnHold: 3,
  Resolved: 6,
  Closed: 7,
  Canceled: 8,
} as const;
export const incidentStates = list([
  [IncidentState.New, "New"],
  [IncidentState.InProgress, "In Progress"],
  [IncidentState.OnHold, "On Hold"],
  [IncidentState.Resolved, "Resolved"],
  [IncidentState.Closed, "Closed"],
  [IncidentState.Canceled, "Canceled"],
]);
export type IncidentStateValue = (typeof incidentStates)[number]["value"];

export const ProblemState = {
  New: 101,
  Assess: 102,
  RootCauseAnalysis: 103,
  FixInProgress: 104,
  Resolved: 106,
  Closed: 107,
} as const;
export const problemStates = list([
  [ProblemState.New, "New"],
  [ProblemState.Assess, "Assess"],
  [ProblemState.RootCauseAnalysis, "Root Cause Analysis"],
  [ProblemState.FixInProgress, "Fix in Progress"],
  [ProblemState.Resolved, "Resolved"],
  [ProblemState.Closed, "Closed"],
]);
export type ProblemStateValue = (typeof problemStates)[number]["value"];

export const ChangeState = {
  New: -5,
  Assess: -4,
  Authorize: -3,
  Scheduled: -2,
  Implement: -1,
  Review: 0,
  Closed: 3,
  Canceled: 4,
} as const;
export const changeStates = list([
  [ChangeState.New, "New"],
  [ChangeState.Assess, "Assess"],
  [ChangeState.Authorize, "Authorize"],
  [ChangeState.Scheduled, "Scheduled"],
  [ChangeState.Implement, "Implement"],
  [ChangeState.Review, "Review"],
  [ChangeState.Closed, "Closed"],
  [ChangeState.Canceled, "Canceled"],
]);
export type ChangeStateValue = (typeof changeStates)[number]["value"];

export const RequestState = {
  Requested: "requested",
  InProcess: "in_process",
  ClosedComplete: "closed_complete",
  ClosedIncomplete: "closed_incomplete",
  ClosedCancelled: "closed_cancelled",
} as const;
export const requestStates = list([
  [RequestState.Requested, "Requested"],
  [RequestState.InProcess, "In Process"],
  [RequestState.ClosedComplete, "Closed Complete"],
  [RequestState.ClosedIncomplete, "Closed Incomplete"],
  [RequestState.ClosedCancelled, "Closed Cancelled"],
]);
export type RequestStateValue = (typeof requestStates)[number]["value"];

/** FSM-3: a work order's states; each value is its label. */
export const WorkOrderState = {
  Draft: "Draft",
  AwaitingQualification: "Awaiting Qualification",
  Qualified: "Qualified",
  ReadyForDispatch: "Ready for Dispatch",
  Assigned: "Assigned",
  Accepted: "Accepted",
  WorkInProgress: "Work in Progress",
  ClosedComplete: "Closed Complete",
  ClosedIncomplete: "Closed Incomplete",
  Canceled: "Canceled",
} as const;
export const workOrderStates = labelledByValue(Object.values(WorkOrderState));
export type WorkOrderStateValue = (typeof workOrderStates)[number]["value"];

/** FSM-3: a work order task's states; each value is its label. */
export const TaskState = {
  Draft: "Draft",
  PendingDispatch: "Pending Dispatch",
  Assigned: "Assigned",
  Accepted: "Accepted",
  WorkInProgress: "Work in Progress",
  ClosedComplete: "Closed Complete",
  ClosedIncomplete: "Closed Incomplete",
  Canceled: "Canceled",
} as const;
export const taskStates = labelledByValue(Object.values(TaskState));
export type TaskStateValue = (typeof taskStates)[number]["value"];
