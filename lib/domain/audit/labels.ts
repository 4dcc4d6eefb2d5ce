// How audit rows read: field names as the form labels them, choice values as their labels.
import {
  caseChannels,
  casePriorities,
  caseStates,
  changeStates,
  changeTypes,
  impacts,
  incidentPriorities,
  incidentStates,
  labelOf,
  majorCaseStates,
  onHoldReasons,
  problemStates,
  requestStates,
  urgencies,
  type Choice,
} from "../records/choices";
import type { RefKind } from "../records/refs";

export const FIELD_LABELS: Record<string, string> = {
  shortDescription: "Short description",
  description: "Description",
  state: "State",
  priority: "Priority",
  impact: "Impact",
  urgency: "Urgency",
  channel: "Channel",
  proactive: "Proactive",
  accountId: "Account",
  contactId: "Contact",
  consumerId: "Consumer",
  assetId: "Asset",
  partnerId: "Partner",
  partnerContactId: "Partner contact",
  assignedToId: "Assigned to",
  assignmentGroupId: "Assignment group",
  openedById: "Opened by",
  proposedById: "Proposed by",
  proposedAt: "Proposed",
  resolutionCode: "Resolution code",
  resolutionNotes: "Resolution notes",
  incidentId: "Incident",
  problemId: "Problem",
  changeId: "Change Request",
  causedById: "Caused by Change",
  majorCaseState: "Major case state",
  parentId: "Parent case",
  businessImpact: "Business impact",
  onHoldReason: "On hold reason",
  callerId: "Caller",
  companyId: "Company",
  resolvedAt: "Resolved",
  closedAt: "Closed",
  workaround: "Workaround",
  causeNotes: "Cause notes",
  fixNotes: "Fix notes",
  closeCode: "Close code",
  closeNotes: "Close notes",
  requestedForId: "Requested for",
  type: "Type",
  number: "Number",
  requestedById: "Requested by",
  templateId: "Template",
  firstReportedById: "First reported by",
  plannedStart: "Planned start",
  plannedEnd: "Planned end",
  callerNotificationsSuppressed: "Caller emails suppressed",
  caseId: "Case",
  windowStart: "Window start",
  windowEnd: "Window end",
  workOrderId: "Work order",
  // The customer directory and users (SET-2, ADM-3)
  name: "Name",
  email: "Email",
  phone: "Phone",
  kind: "Kind",
  roles: "Roles",
  active: "Active",
  isCustomer: "Customer",
  isPartner: "Partner",
  primaryContactId: "Primary contact",
  serialNumber: "Serial number",
  relatedAccounts: "Related accounts",
  // Rows written by a service for a list or a decision, not a column (PRO-1, MAJ-1)
  affected_accounts: "Affected accounts",
  proactive_cases: "Proactive cases",
  majorCaseReason: "Major case rejection reason",
  invitation: "Invitation",
  password: "Password",
};

const CHOICES: Record<string, Record<string, readonly Choice<string | number>[]>> = {
  sn_customerservice_case: {
    state: caseStates,
    priority: casePriorities,
    channel: caseChannels,
    impact: impacts,
    urgency: urgencies,
    majorCaseState: majorCaseStates,
  },
  incident: {
    state: incidentStates,
    priority: incidentPriorities,
    impact: impacts,
    urgency: urgencies,
    onHoldReason: onHoldReasons,
  },
  problem: { state: problemStates, priority: incidentPriorities, impact: impacts, urgency: urgencies },
  change_request: {
    state: changeStates,
    type: changeTypes,
    priority: incidentPriorities,
    impact: impacts,
    urgency: urgencies,
  },
  sc_request: { state: requestStates },
  wm_order: { priority: casePriorities },
  wm_task: { priority: casePriorities },
};

/** An audit row as the history shows it: field label, old → new as text, who and when (REC-5). */
export type AuditLine = {
  id: number;
  field: string;
  label: string;
  oldText: string;
  newText: string;
  userName: string;
  createdAt: Date;
};

/** The label of a stored choice value, or the value itself. */
export function choiceText(table: string, field: string, value: string): string {
  const choices = CHOICES[table]?.[field];
  if (!choices) return value;
  const numeric = choices.length && typeof choices[0].value === "number";
  return labelOf(choices as Choice<string | number>[], numeric ? Number(value) : value);
}

/** Reference fields and the record type they point at. */
export const REFERENCE_FIELDS: Record<string, RefKind> = {
  contactId: "user",
  consumerId: "user",
  partnerContactId: "user",
  assignedToId: "user",
  assignmentGroupId: "group",
  openedById: "user",
  proposedById: "user",
  callerId: "user",
  requestedForId: "user",
  requestedById: "user",
  firstReportedById: "case",
  caseId: "case",
  accountId: "account",
  partnerId: "account",
  companyId: "account",
  assetId: "asset",
  incidentId: "incident",
  problemId: "problem",
  changeId: "change",
  causedById: "change",
  parentId: "case",
  primaryContactId: "user",
  templateId: "template",
};

/** Fields that hold an instant: the history writes them as the workspace writes times (REC-5). */
export const DATE_FIELDS: ReadonlySet<string> = new Set([
  "resolvedAt",
  "closedAt",
  "proposedAt",
  "plannedStart",
  "plannedEnd",
  "windowStart",
  "windowEnd",
]);
