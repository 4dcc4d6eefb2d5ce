import type { ApiTableName } from "@/lib/domain/api/table";
import { CASE_EXTERNAL_FIELDS } from "@/lib/domain/api/tables/case";

const SYS = ["sys_id", "sys_created_on", "sys_updated_on"];

/**
 * ROLE-3, JRN-3: the fields an external user reads per table — what the portal shows them (the
 * case page, Related Records, Work Orders, My Lists); never work notes, assignees or who saved.
 */
const EXTERNAL_FIELDS: Record<ApiTableName, readonly string[]> = {
  sn_customerservice_case: CASE_EXTERNAL_FIELDS,
  incident: [],
  // Related Records (POR-2) and My Lists (POR-5) show number, state and short description.
  problem: [...SYS, "number", "short_description", "state"],
  change_request: [...SYS, "number", "short_description", "state"],
  sc_request: [...SYS, "number", "short_description", "request_state", "parent"],
  wm_order: [...SYS, "number", "short_description", "description", "state", "priority", "initiated_from"],
  wm_task: [...SYS, "number", "short_description", "state", "parent", "window_start", "window_end"],
  customer_account: [...SYS, "number", "name"],
  customer_contact: [...SYS, "name", "email", "user_name", "account", "active"],
  csm_consumer: [...SYS, "name", "email", "user_name", "active"],
  // POR-1: the New case form's Asset choices (their account's), by number and name.
  alm_asset: [...SYS, "number", "name", "serial_number", "account"],
  sys_user: [...SYS, "name", "email", "user_name", "active"],
  // The portal names no group (assignment is internal): external users read none.
  sys_user_group: [],
  sys_properties: [],
  sys_journal_field: [...SYS, "sys_created_by", "element_id", "name", "element", "value"],
};

export const externalFieldsOf = (table: ApiTableName): ReadonlySet<string> => new Set(EXTERNAL_FIELDS[table]);
