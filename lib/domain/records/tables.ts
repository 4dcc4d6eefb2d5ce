// ServiceNow table names name records in the journal, the audit history, sync rules and the API.
export const TABLE = {
  case: "sn_customerservice_case",
  incident: "incident",
  problem: "problem",
  change: "change_request",
  request: "sc_request",
  workOrder: "wm_order",
  workOrderTask: "wm_task",
  account: "customer_account",
  /** Users: internal users, contacts and consumers (their audit history, ADM-3, SET-2). */
  user: "sys_user",
  asset: "alm_asset",
  /** WRK-1: assignment groups (their audit history). */
  group: "sys_user_group",
} as const;
export type TableName = (typeof TABLE)[keyof typeof TABLE];

export const TABLE_LABEL: Record<TableName, string> = {
  sn_customerservice_case: "Case",
  incident: "Incident",
  problem: "Problem",
  change_request: "Change Request",
  sc_request: "Request",
  wm_order: "Work Order",
  wm_task: "Work Order Task",
  customer_account: "Account",
  sys_user: "User",
  alm_asset: "Asset",
  sys_user_group: "Group",
};

/** Page path of a record, by table and number (SPEC §15). */
export function recordPath(table: string, number: string): string | null {
  const base: Partial<Record<string, string>> = {
    sn_customerservice_case: "/cases/",
    incident: "/incidents/",
    problem: "/problems/",
    change_request: "/changes/",
    sc_request: "/requests/",
    wm_order: "/work-orders/",
    customer_account: "/admin/accounts/",
  };
  const prefix = base[table];
  return prefix ? prefix + encodeURIComponent(number) : null;
}
