// WRK-5: what the global search finds for whom, and where each result leads. Each kind is read by
// the same rule as its pages (ROLE-1: incidents only with incident read); external users find only
// the cases and work orders of their scope (ROLE-3), which the server applies in the query itself.
import { canReadCases, canReadIncidents, canReadItsm, isExternal, type Actor } from "../auth/roles";
import { canManageDirectory } from "../directory/access";
import { PLUGIN, type ActivePlugins } from "../plugins/catalog";
import { recordPath, TABLE } from "../records/tables";
import { externalScope } from "../scope/external";
import { canReadWorkOrders } from "../work-orders/access";

/** In the order the results are grouped. */
export const SEARCH_KINDS = [
  "case",
  "incident",
  "problem",
  "change",
  "request",
  "workOrder",
  "account",
  "contact",
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABEL: Record<SearchKind, string> = {
  case: "Cases",
  incident: "Incidents",
  problem: "Problems",
  change: "Changes",
  request: "Requests",
  workOrder: "Work orders",
  account: "Accounts",
  contact: "Contacts",
};

/** Results shown per kind: a few each, the newest first. */
export const SEARCH_HITS_PER_KIND = 5;

/** The customer directory as agents and fulfillers read it (the Table API's customer_account rule). */
export const canReadDirectory = (a: Actor) => canReadCases(a) || canReadItsm(a);

const INTERNAL_RULE: Record<SearchKind, (a: Actor, plugins: ActivePlugins) => boolean> = {
  case: canReadCases,
  incident: canReadIncidents,
  problem: canReadItsm,
  change: canReadItsm,
  request: canReadItsm,
  workOrder: (a, plugins) => canReadWorkOrders(a) && plugins.has(PLUGIN.fieldService),
  account: canReadDirectory,
  contact: canReadDirectory,
};

/** The kinds `actor` may find (none for an external user without a portal role). */
export function searchableKinds(actor: Actor, plugins: ActivePlugins): SearchKind[] {
  if (isExternal(actor)) {
    if (!externalScope(actor).length) return [];
    return plugins.has(PLUGIN.fieldService) ? ["case", "workOrder"] : ["case"];
  }
  return SEARCH_KINDS.filter((kind) => INTERNAL_RULE[kind](actor, plugins));
}

const RECORD_TABLE: Partial<Record<SearchKind, string>> = {
  case: TABLE.case,
  incident: TABLE.incident,
  problem: TABLE.problem,
  change: TABLE.change,
  request: TABLE.request,
  workOrder: TABLE.workOrder,
};

/** What a result's link is made from: the record, and for a contact their email and account. */
export type HitRef = {
  id: number;
  number: string | null;
  email?: string | null;
  accountId?: number | null;
  accountNumber?: string | null;
};

/**
 * The page a result opens. Records: their page (the portal's for external users). Accounts and
 * contacts: the account's directory page (a contact filtered by email) for those who keep the
 * directory (SET-2), else the account's cases in the case list — the directory pages are theirs only.
 */
export function searchHref(actor: Actor, kind: SearchKind, hit: HitRef): string | null {
  if (isExternal(actor)) {
    if (!hit.number) return null;
    if (kind === "case") return `/portal/cases/${encodeURIComponent(hit.number)}`;
    if (kind === "workOrder") return `/portal/work-orders/${encodeURIComponent(hit.number)}`;
    return null;
  }
  const table = RECORD_TABLE[kind];
  if (table) return hit.number ? recordPath(table, hit.number) : null;
  const accountNumber = kind === "account" ? hit.number : hit.accountNumber;
  const accountId = kind === "account" ? hit.id : hit.accountId;
  if (canManageDirectory(actor) && accountNumber) {
    const page = `/admin/accounts/${encodeURIComponent(accountNumber)}`;
    return kind === "contact" && hit.email ? `${page}?contactQ=${encodeURIComponent(hit.email)}` : page;
  }
  return accountId ? `/cases?account=${accountId}` : null;
}
