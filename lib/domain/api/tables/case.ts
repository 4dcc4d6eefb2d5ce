import {
  caseChannels,
  casePriorities,
  caseResolutionCodes,
  caseStates,
  impacts,
  majorCaseStates,
  urgencies,
} from "@/lib/domain/records/choices";
import type { ApiTable } from "../table";
import { bool, BY_UPDATED, choice, journal, ref, str, TASK_FIELDS, nullable } from "./common";

/** ServiceNow's sn_customerservice_case (channel is `contact_type`, resolution notes `close_notes`). */
export const caseTable: ApiTable = {
  name: "sn_customerservice_case",
  displayColumn: "number",
  defaultOrder: BY_UPDATED,
  fields: {
    ...TASK_FIELDS,
    state: choice("state", caseStates, "state"),
    priority: choice("priority", casePriorities, "priority"),
    impact: choice("impact", impacts, "impact"),
    urgency: choice("urgency", urgencies, "urgency"),
    contact_type: choice("channel", caseChannels, "channel"),
    proactive: bool("proactive"),
    account: ref("accountId", "customer_account", "accountId"),
    contact: ref("contactId", "customer_contact", "contactId"),
    consumer: ref("consumerId", "sys_user", "consumerId"),
    asset: ref("assetId", "alm_asset", "assetId"),
    partner: ref("partnerId", "customer_account", "partnerId"),
    partner_contact: ref("partnerContactId", "customer_contact", "partnerContactId"),
    assigned_to: ref("assignedToId", "sys_user", "assignedToId"),
    assignment_group: ref("assignmentGroupId", "sys_user_group", "assignmentGroupId"),
    opened_by: ref("openedById", "sys_user"),
    resolution_code: nullable(choice("resolutionCode", caseResolutionCodes, "resolutionCode")),
    close_notes: nullable(str("resolutionNotes", "resolutionNotes")),
    incident: ref("incidentId", "incident", "incidentId"),
    problem: ref("problemId", "problem", "problemId"),
    rfc: ref("changeId", "change_request", "changeId"),
    caused_by: ref("causedById", "change_request", "causedById"),
    major_case_state: choice("majorCaseState", majorCaseStates),
    parent: ref("parentId", "sn_customerservice_case"),
    business_impact: nullable(str("businessImpact")),
    resolved_at: nullable({ column: "resolvedAt", kind: "datetime" }),
    closed_at: nullable({ column: "closedAt", kind: "datetime" }),
    sys_mod_count: { column: "version", kind: "integer" },
    work_notes: journal("workNotes"),
    comments: journal("comments"),
  },
};

/**
 * ROLE-3 / POR-1: the fields an external user reads — what the portal's case page shows them;
 * no work notes, assignee, internal links or major-case coordination.
 */
export const CASE_EXTERNAL_FIELDS = [
  "sys_id",
  "sys_created_on",
  "sys_updated_on",
  "number",
  "short_description",
  "description",
  "state",
  "priority",
  "contact_type",
  "account",
  "contact",
  "consumer",
  "asset",
  "partner",
  "partner_contact",
  "resolution_code",
  "close_notes",
  "problem",
  "rfc",
  "comments",
  // REC-6: the version a customer's answer to a solution is for (Accept/Reject through the API).
  "sys_mod_count",
] as const;
