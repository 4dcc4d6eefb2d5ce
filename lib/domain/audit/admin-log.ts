// REC-5 / ADM-1…ADM-4: the settings and people administrators change, each audited where it is
// written, listed on /admin/audit — who gave a user the admin role, who switched a plugin or a
// business rule off. The value is the audit row's table (as the services write it); one list.
import { list } from "../records/choice-list";

export const ADMIN_AUDIT_AREAS = list([
  ["sys_user", "Users"],
  ["sys_user_group", "Assignment groups"],
  ["sys_properties", "System properties"],
  ["v_plugin", "Plugins"],
  ["sys_script", "Business rules"],
  ["dl_u_priority", "Priority lookup"],
  ["sys_transform_entry", "Field maps"],
  ["std_change_record_producer", "Standard change templates"],
  ["sla_target", "SLA targets"],
  ["sla_hours", "Business hours"],
  ["api_token", "API tokens"],
  ["case_mail_template", "Customer emails"],
]);
export type AdminAuditArea = (typeof ADMIN_AUDIT_AREAS)[number]["value"];
