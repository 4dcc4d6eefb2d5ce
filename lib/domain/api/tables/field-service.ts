import { casePriorities, taskStates, workOrderStates } from "@/lib/domain/records/choices";
import type { ApiTable } from "../table";
import { BY_UPDATED, choice, date, journal, ref, TASK_FIELDS, nullable } from "./common";

/** ServiceNow's wm_order (FSM-1…FSM-5); `initiated_from` is the case. */
export const workOrderTable: ApiTable = {
  name: "wm_order",
  displayColumn: "number",
  defaultOrder: BY_UPDATED,
  fields: {
    ...TASK_FIELDS,
    state: choice("state", workOrderStates, "state"),
    priority: choice("priority", casePriorities, "priority"),
    initiated_from: ref("caseId", "sn_customerservice_case"),
    account: ref("accountId", "customer_account", "accountId"),
    contact: ref("contactId", "customer_contact", "contactId"),
    consumer: ref("consumerId", "sys_user", "consumerId"),
    asset: ref("assetId", "alm_asset", "assetId"),
    partner: ref("partnerId", "customer_account", "partnerId"),
    partner_contact: ref("partnerContactId", "customer_contact", "partnerContactId"),
    company: ref("companyId", "customer_account", "companyId"),
    caller: ref("callerId", "sys_user", "callerId"),
    opened_by: ref("openedById", "sys_user"),
    closed_at: nullable(date("closedAt")),
    sys_mod_count: { column: "version", kind: "integer" },
    work_notes: journal("workNotes"),
  },
};

/** ServiceNow's wm_task: the appointment window is window_start / window_end (UTC). */
export const workOrderTaskTable: ApiTable = {
  name: "wm_task",
  displayColumn: "number",
  defaultOrder: BY_UPDATED,
  fields: {
    ...TASK_FIELDS,
    parent: { ...ref("workOrderId", "wm_order", "workOrderId"), nullable: false },
    state: choice("state", taskStates, "state"),
    priority: choice("priority", casePriorities),
    account: ref("accountId", "customer_account"),
    contact: ref("contactId", "customer_contact"),
    consumer: ref("consumerId", "sys_user"),
    assigned_to: ref("assignedToId", "sys_user", "assignedToId"),
    window_start: nullable(date("windowStart", "windowStart")),
    window_end: nullable(date("windowEnd", "windowEnd")),
    sys_mod_count: { column: "version", kind: "integer" },
  },
};
