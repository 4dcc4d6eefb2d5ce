// SPEC §1 choice lists. Records store the value; the UI shows the label (REC-2).
export type Choice<V extends string | number = string | number> = { value: V; label: string };

export const list = <V extends string | number>(pairs: [V, string][]): Choice<V>[] =>
  pairs.map(([value, label]) => ({ value, label }));

export function labelOf<V extends string | number>(
  choices: readonly Choice<V>[],
  value: V | null | undefined,
): string {
  if (value === null || value === undefined || value === "") return "";
  return choices.find((c) => c.value === value)?.label ?? String(value);
}

export function isChoice<V extends string | number>(
  choices: readonly Choice<V>[],
  value: unknown,
): value is V {
  return choices.some((c) => c.value === value);
}

/** How a submitted value reads in an error message (it may be anything a client sent). */
export function shownValue(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? "(nothing)";
}

export const CaseState = {
  New: 1,
  Open: 10,
  AwaitingInfo: 18,
  Resolved: 6,
  Closed: 3,
  Cancelled: 7,
} as const;
export const caseStates = list<number>([
  [1, "New"],
  [10, "Open"],
  [18, "Awaiting Info"],
  [6, "Resolved"],
  [3, "Closed"],
  [7, "Cancelled"],
]);
export const OPEN_CASE_STATES: number[] = [CaseState.New, CaseState.Open, CaseState.AwaitingInfo];

export const majorCaseStates = list<string>([
  ["", "—"],
  ["proposed", "Proposed"],
  ["accepted", "Accepted"],
  ["rejected", "Rejected"],
  ["cancelled", "Cancelled"],
]);

export const casePriorities = list<number>([
  [1, "1 - Critical"],
  [2, "2 - High"],
  [3, "3 - Moderate"],
  [4, "4 - Low"],
]);
export const caseChannels = list<string>([
  ["web", "Web"],
  ["email", "Email"],
  ["phone", "Phone"],
  ["chat", "Chat"],
  ["proactive", "Proactive"],
]);

export const IncidentState = {
  New: 1,
  InProgress: 2,
  OnHold: 3,
  Resolved: 6,
  Closed: 7,
  Canceled: 8,
} as const;
export const incidentStates = list<number>([
  [1, "New"],
  [2, "In Progress"],
  [3, "On Hold"],
  [6, "Resolved"],
  [7, "Closed"],
  [8, "Canceled"],
]);
export const onHoldReasons = list<number>([
  [1, "Awaiting Caller"],
  [3, "Awaiting Problem"],
  [4, "Awaiting Vendor"],
  [5, "Awaiting Change"],
]);

export const impacts = list<number>([
  [1, "1 - High"],
  [2, "2 - Medium"],
  [3, "3 - Low"],
]);
export const urgencies = impacts;
export const incidentPriorities = list<number>([
  [1, "1 - Critical"],
  [2, "2 - High"],
  [3, "3 - Moderate"],
  [4, "4 - Low"],
  [5, "5 - Planning"],
]);

export const incidentResolutionCodes = list<string>(
  [
    "Duplicate",
    "Known error",
    "No resolution provided",
    "Resolved by caller",
    "Resolved by change",
    "Resolved by problem",
    "Resolved by request",
    "Solution provided",
    "Workaround provided",
    "User error",
  ].map((c) => [c, c]),
);

export const problemStates = list<number>([
  [101, "New"],
  [102, "Assess"],
  [103, "Root Cause Analysis"],
  [104, "Fix in Progress"],
  [106, "Resolved"],
  [107, "Closed"],
]);
export const problemResolutionCodes = list<string>(
  ["Fix Applied", "Risk Accepted", "Duplicate", "Canceled"].map((c) => [c, c]),
);

export const changeTypes = list<string>([
  ["normal", "Normal"],
  ["standard", "Standard"],
  ["emergency", "Emergency"],
]);
export const changeStates = list<number>([
  [-5, "New"],
  [-4, "Assess"],
  [-3, "Authorize"],
  [-2, "Scheduled"],
  [-1, "Implement"],
  [0, "Review"],
  [3, "Closed"],
  [4, "Canceled"],
]);
export const changeCloseCodes = list<string>(
  ["Successful", "Successful with issues", "Unsuccessful"].map((c) => [c, c]),
);

export const requestStates = list<string>([
  ["requested", "Requested"],
  ["in_process", "In Process"],
  ["closed_complete", "Closed Complete"],
  ["closed_incomplete", "Closed Incomplete"],
  ["closed_cancelled", "Closed Cancelled"],
]);

export const workOrderStates = list<string>(
  [
    "Draft",
    "Awaiting Qualification",
    "Qualified",
    "Ready for Dispatch",
    "Assigned",
    "Accepted",
    "Work in Progress",
    "Closed Complete",
    "Closed Incomplete",
    "Canceled",
  ].map((c) => [c, c]),
);

export const CaseResolutionCode = {
  FixedByProblem: "Solved – Fixed by closing related PRB",
  WorkaroundFromProblem: "Solved – Workaround provided based on open PRB",
  FixedByChange: "Solved – Fixed by closing related Change Request",
  FixedByIncident: "Solved – Fixed by closing related Incident",
  RequestClosedComplete: "Solved – Related Request is Closed Complete",
} as const;
export const caseResolutionCodes = list<string>(
  [
    ...Object.values(CaseResolutionCode),
    "Solved (Permanently)",
    "Solved (Work Around)",
    "Not Solved (Not Reproducible)",
    "Not Solved (Too Costly)",
    "Closed/Resolved by Caller",
  ].map((c) => [c, c]),
);

export const journalKinds = list<string>([
  ["work_notes", "Work notes"],
  ["comments", "Additional comments"],
]);
