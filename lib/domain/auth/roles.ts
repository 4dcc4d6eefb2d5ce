// SPEC §3 roles and what they allow. `admin` holds every internal role, as in ServiceNow.
export const ROLE = {
  admin: "admin",
  agent: "sn_customerservice_agent",
  manager: "sn_customerservice_manager",
  majorIssueManager: "sn_customerservice.major_issue_manager",
  itil: "itil",
  incidentRead: "sn_incident_read",
  incidentWrite: "sn_incident_write",
  customer: "customer",
  customerAdmin: "customer_admin",
  partner: "partner",
  partnerAdmin: "partner_admin",
  consumer: "consumer",
  external: "snc_external",
} as const;
export type Role = (typeof ROLE)[keyof typeof ROLE];

export const INTERNAL_ROLES: readonly Role[] = [
  ROLE.admin,
  ROLE.agent,
  ROLE.manager,
  ROLE.majorIssueManager,
  ROLE.itil,
  ROLE.incidentRead,
  ROLE.incidentWrite,
];
export const EXTERNAL_ROLES: readonly Role[] = [
  ROLE.customer,
  ROLE.customerAdmin,
  ROLE.partner,
  ROLE.partnerAdmin,
  ROLE.consumer,
  ROLE.external,
];

/** Who is acting: loaded from the database on every request, never trusted from the client. */
export type Actor = {
  id: number;
  name: string;
  email: string;
  kind: "internal" | "contact" | "consumer";
  accountId: number | null;
  roles: readonly string[];
};

export const isExternal = (a: Actor) => a.kind !== "internal" || a.roles.includes(ROLE.external);
export const isInternal = (a: Actor) => !isExternal(a);

export function hasRole(a: Actor, role: Role): boolean {
  if (a.roles.includes(role)) return true;
  return (
    isInternal(a) && a.roles.includes(ROLE.admin) && (INTERNAL_ROLES as readonly string[]).includes(role)
  );
}
const any = (a: Actor, roles: Role[]) => roles.some((r) => hasRole(a, r));

/**
 * The stored roles any of which can give a user `role` under hasRole (the role itself, and admin
 * for an internal role): a query for the users holding a role selects these, then applies the rule.
 */
export const rolesGranting = (role: Role): Role[] =>
  INTERNAL_ROLES.includes(role) && role !== ROLE.admin ? [role, ROLE.admin] : [role];

export const isAdmin = (a: Actor) => isInternal(a) && a.roles.includes(ROLE.admin);
/** Reads cases in the workspace: customer service staff and ITSM fulfillers (who follow the cases of their records). */
export const canReadCases = (a: Actor) =>
  isInternal(a) &&
  any(a, [
    ROLE.agent,
    ROLE.manager,
    ROLE.majorIssueManager,
    ROLE.itil,
    ROLE.incidentRead,
    ROLE.incidentWrite,
  ]);
const CASE_WORKERS: Role[] = [ROLE.agent, ROLE.manager, ROLE.majorIssueManager];
/** Creates and works cases: agents, managers and major issue managers. */
export const canWriteCases = (a: Actor) => isInternal(a) && any(a, CASE_WORKERS);
/** ROLE-1: sees the case's Incident field and incident records. */
export const canReadIncidents = (a: Actor) =>
  isInternal(a) && any(a, [ROLE.incidentRead, ROLE.incidentWrite, ROLE.itil]);
/** ROLE-1: creates, associates and removes incidents from a case. */
export const canLinkIncidents = (a: Actor) =>
  isInternal(a) && hasRole(a, ROLE.incidentWrite) && canWriteCases(a);
/** ITSM-1: creates problems, changes and requests from a case and sets its Related Records. */
export const canLinkItsm = (a: Actor) =>
  canWriteCases(a) && (hasRole(a, ROLE.incidentWrite) || hasRole(a, ROLE.itil));
/** INC-8: works the incident form (fulfillers). */
export const canWriteIncidents = (a: Actor) => isInternal(a) && hasRole(a, ROLE.itil);
/** ITSM fulfillers read and work problems, changes and requests. */
export const canReadItsm = (a: Actor) => isInternal(a) && any(a, [ROLE.itil, ROLE.agent, ROLE.manager]);
export const canWriteItsm = (a: Actor) => isInternal(a) && hasRole(a, ROLE.itil);
export const isMajorIssueManager = (a: Actor) =>
  isInternal(a) && hasRole(a, ROLE.majorIssueManager) && hasRole(a, ROLE.itil);
/** ROLE-4 */
export const canAdminister = isAdmin;

/** The records people are assigned (WRK-1). */
export type AssignedKind = "case" | "incident";

/**
 * WRK-1: the stored roles one of which an assignee of a case (canWriteCases) or an incident
 * (canWriteIncidents) holds — admin included, as hasRole grants it every internal role. Assigned a
 * record they cannot work, a person could only watch it wait in their queue.
 */
export const ASSIGNEE_ROLES: Record<AssignedKind, readonly Role[]> = {
  case: [...CASE_WORKERS, ROLE.admin],
  incident: rolesGranting(ROLE.itil),
};
