// SPEC §1 choice lists. Records store the value; the UI shows the label (REC-2). The helpers are in
// choice-list.ts and the state lists in states.ts; import all of them from here.
import { list } from "./choice-list";

export * from "./choice-list";
export * from "./states";

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

export const problemResolutionCodes = list<string>(
  ["Fix Applied", "Risk Accepted", "Duplicate", "Canceled"].map((c) => [c, c]),
);

export const changeTypes = list([
  ["normal", "Normal"],
  ["standard", "Standard"],
  ["emergency", "Emergency"],
]);
export type ChangeType = (typeof changeTypes)[number]["value"];
export const changeCloseCodes = list<string>(
  ["Successful", "Successful with issues", "Unsuccessful"].map((c) => [c, c]),
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

/** The case resolution codes but `withheld` (ITSM-5: codes of an inactive plugin; see resolution-codes.ts). */
export const resolutionCodesBut = (withheld?: readonly string[]) =>
  withheld ? caseResolutionCodes.filter((c) => !withheld.includes(c.value)) : caseResolutionCodes;

export const journalKinds = list<string>([
  ["work_notes", "Work notes"],
  ["comments", "Additional comments"],
]);
