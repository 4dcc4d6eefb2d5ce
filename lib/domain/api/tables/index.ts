import { invalid } from "@/lib/domain/errors";
import { API_TABLES, type ApiTable, type ApiTableName } from "../table";
import { caseTable } from "./case";
import { workOrderTable, workOrderTaskTable } from "./field-service";
import { incidentTable } from "./incident";
import { changeTable, problemTable, requestTable } from "./itsm";
import {
  accountTable,
  assetTable,
  consumerTable,
  contactTable,
  groupTable,
  journalTable,
  propertyTable,
  userTable,
} from "./people";

/** Every Table API table by its ServiceNow name (API-4). */
export const TABLES: Record<ApiTableName, ApiTable> = {
  sn_customerservice_case: caseTable,
  incident: incidentTable,
  problem: problemTable,
  change_request: changeTable,
  sc_request: requestTable,
  wm_order: workOrderTable,
  wm_task: workOrderTaskTable,
  customer_account: accountTable,
  customer_contact: contactTable,
  csm_consumer: consumerTable,
  alm_asset: assetTable,
  sys_user: userTable,
  sys_user_group: groupTable,
  sys_properties: propertyTable,
  sys_journal_field: journalTable,
};

export const isApiTable = (name: string): name is ApiTableName =>
  (API_TABLES as readonly string[]).includes(name);

/** The table named in the path; an unknown name is a 400, as ServiceNow answers "Invalid table". */
export function apiTable(name: string): ApiTable {
  const table = isApiTable(name) ? TABLES[name] : undefined;
  if (!table) throw invalid("table", `Invalid table ${name}.`);
  return table;
}
