import {
  changeCloseCodes,
  changeStates,
  changeTypes,
  impacts,
  incidentPriorities,
  problemResolutionCodes,
  problemStates,
  requestStates,
  urgencies,
} from "@/lib/domain/records/choices";
import type { ApiTable } from "../table";
import { BY_UPDATED, choice, date, journal, ref, str, TASK_FIELDS, nullable } from "./common";

const base = {
  ...TASK_FIELDS,
  sys_mod_count: { column: "version", kind: "integer" as const },
  work_notes: journal("workNotes"),
  comments: journal("comments"),
};

/** ServiceNow's problem (ITSM-1…ITSM-4). */
export const problemTable: ApiTable = {
  name: "problem",
  displayColumn: "number",
  defaultOrder: BY_UPDATED,
  fields: {
    ...base,
    state: choice("state", problemStates, "state"),
    impact: choice("impact", impacts, "impact"),
    urgency: choice("urgency", urgencies, "urgency"),
    priority: choice("priority", incidentPriorities),
    company: ref("companyId", "customer_account"),
    cmdb_ci: ref("assetId", "alm_asset"),
    first_reported_by_task: ref("firstReportedById", "sn_customerservice_case"),
    opened_by: ref("openedById", "sys_user"),
    workaround: str("workaround", "workaround"),
    cause_notes: str("causeNotes", "causeNotes"),
    fix_notes: str("fixNotes", "fixNotes"),
    resolution_code: nullable(choice("resolutionCode", problemResolutionCodes, "resolutionCode")),
    close_notes: nullable(str("resolutionNotes", "resolutionNotes")),
    resolved_at: nullable(date("resolvedAt")),
    closed_at: nullable(date("closedAt")),
  },
};

/** ServiceNow's change_request. */
export const changeTable: ApiTable = {
  name: "change_request",
  displayColumn: "number",
  defaultOrder: BY_UPDATED,
  fields: {
    ...base,
    type: choice("type", changeTypes),
    state: choice("state", changeStates, "state"),
    impact: choice("impact", impacts, "impact"),
    urgency: choice("urgency", urgencies, "urgency"),
    priority: choice("priority", incidentPriorities),
    company: ref("companyId", "customer_account"),
    caller_id: ref("callerId", "sys_user"),
    cmdb_ci: ref("assetId", "alm_asset"),
    requested_by: ref("requestedById", "sys_user"),
    start_date: nullable(date("plannedStart", "plannedStart")),
    end_date: nullable(date("plannedEnd", "plannedEnd")),
    close_code: nullable(choice("closeCode", changeCloseCodes, "closeCode")),
    close_notes: nullable(str("closeNotes", "closeNotes")),
    closed_at: nullable(date("closedAt")),
  },
};

/** ServiceNow's sc_request (request_state holds the §1 request state). */
export const requestTable: ApiTable = {
  name: "sc_request",
  displayColumn: "number",
  defaultOrder: BY_UPDATED,
  fields: {
    ...base,
    request_state: choice("state", requestStates, "state"),
    requested_for: ref("requestedForId", "sys_user"),
    opened_by: ref("openedById", "sys_user"),
    parent: ref("caseId", "sn_customerservice_case"),
    closed_at: nullable(date("closedAt")),
  },
};
