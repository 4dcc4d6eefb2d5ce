import {
  impacts,
  incidentPriorities,
  incidentResolutionCodes,
  incidentStates,
  onHoldReasons,
  urgencies,
} from "@/lib/domain/records/choices";
import type { ApiTable } from "../table";
import { BY_UPDATED, choice, journal, ref, str, TASK_FIELDS, nullable } from "./common";

const resolutionCode = nullable(choice("resolutionCode", incidentResolutionCodes, "resolutionCode"));
const problem = ref("problemId", "problem");

/** ServiceNow's incident; `resolution_code` and `problem` are also accepted for close_code and problem_id. */
export const incidentTable: ApiTable = {
  name: "incident",
  displayColumn: "number",
  defaultOrder: BY_UPDATED,
  fields: {
    ...TASK_FIELDS,
    state: choice("state", incidentStates, "state"),
    hold_reason: nullable(choice("onHoldReason", onHoldReasons, "onHoldReason")),
    impact: choice("impact", impacts, "impact"),
    urgency: choice("urgency", urgencies, "urgency"),
    priority: choice("priority", incidentPriorities),
    caller_id: ref("callerId", "sys_user", "callerId"),
    company: ref("companyId", "customer_account", "companyId"),
    cmdb_ci: ref("assetId", "alm_asset"),
    assigned_to: ref("assignedToId", "sys_user", "assignedToId"),
    assignment_group: ref("assignmentGroupId", "sys_user_group", "assignmentGroupId"),
    opened_by: ref("openedById", "sys_user"),
    problem_id: problem,
    problem,
    rfc: ref("changeId", "change_request"),
    caused_by: ref("causedById", "change_request"),
    close_code: resolutionCode,
    resolution_code: resolutionCode,
    close_notes: nullable(str("resolutionNotes", "resolutionNotes")),
    resolved_at: nullable({ column: "resolvedAt", kind: "datetime" }),
    closed_at: nullable({ column: "closedAt", kind: "datetime" }),
    sys_mod_count: { column: "version", kind: "integer" },
    work_notes: journal("workNotes"),
    comments: journal("comments"),
  },
};
