import "server-only";
import {
  canReadCases,
  canReadIncidents,
  canReadItsm,
  isAdmin,
  isExternal,
  ROLE,
  type Actor,
} from "@/lib/domain/auth/roles";
import { forbidden, notFound } from "@/lib/domain/errors";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { API_TABLES, type ApiTableName } from "@/lib/domain/api/table";
import { TABLES } from "@/lib/domain/api/tables";
import { canReadWorkOrders } from "@/lib/domain/work-orders/access";
import { canReadJournalOf } from "@/lib/domain/journal/access";
import { requireExternalScope, scopeWhere } from "@/lib/domain/scope/external";
import { db } from "@/lib/db";
import { activePlugins } from "../plugins/read";
import { externalFieldsOf } from "./external-fields";

export type Where = Record<string, unknown>;
export type ReadAccess = {
  /** Rows this actor may read: {} for all; ROLE-3's scope for external users. */
  where: Where;
  /** Whether they may read a field (an unreadable one is left out of the answer, as ACLs do). */
  field: (name: string) => boolean;
};

const PLUGIN_OF: Partial<Record<ApiTableName, string>> = {
  problem: PLUGIN.serviceManagement,
  change_request: PLUGIN.serviceManagement,
  sc_request: PLUGIN.requestManagement,
  wm_order: PLUGIN.fieldService,
  wm_task: PLUGIN.fieldService,
};

/** A case's Related Records (ITSM-2), which the Service Management plugin brings (ITSM-5). */
const CASE_RELATED_FIELDS: readonly string[] = ["incident", "problem", "rfc", "caused_by"];

/** Who reads a table in the workspace — the same role rules as its pages (ROLE-1, ROLE-2). */
const INTERNAL_READ: Record<ApiTableName, (a: Actor) => boolean> = {
  sn_customerservice_case: canReadCases,
  incident: canReadIncidents,
  problem: canReadItsm,
  change_request: canReadItsm,
  sc_request: canReadItsm,
  wm_order: canReadWorkOrders,
  wm_task: canReadWorkOrders,
  customer_account: (a) => canReadCases(a) || canReadItsm(a),
  customer_contact: (a) => canReadCases(a) || canReadItsm(a),
  csm_consumer: (a) => canReadCases(a) || canReadItsm(a),
  alm_asset: (a) => canReadCases(a) || canReadItsm(a),
  sys_user: (a) => canReadCases(a) || canReadItsm(a),
  sys_user_group: (a) => canReadCases(a) || canReadItsm(a),
  sys_properties: isAdmin,
  sys_journal_field: (a) => canReadCases(a) || canReadItsm(a),
};

/** ROLE-3: what an external user reads — exactly what the portal shows them. */
async function externalWhere(actor: Actor, table: ApiTableName): Promise<Where | null> {
  // Themselves only: as a contact (customer_contact) or consumer (csm_consumer) if they are one —
  // the table's base rows (MODEL) keep the other kind out.
  const own = { id: actor.id };
  if (table === "sys_user" || table === "customer_contact" || table === "csm_consumer") return own;
  // Past their own record, a portal role is needed (403 without one, as the portal refuses them).
  const clauses = requireExternalScope(actor);
  // POR-1: the assets of a contact's account (the New case form's choices); a consumer has none.
  if (table === "alm_asset")
    return actor.kind === "contact" && actor.accountId !== null ? { accountId: actor.accountId } : { id: -1 };
  const cases = scopeWhere(clauses);
  const partnerAdmin = actor.roles.includes(ROLE.partnerAdmin);
  switch (table) {
    case "sn_customerservice_case":
      return cases;
    case "problem":
      return { cases: { some: cases } };
    case "change_request":
      return { OR: [{ cases: { some: cases } }, { casesCausedBy: { some: cases } }] };
    case "sc_request":
      return { case: cases };
    case "wm_order":
      return { case: cases };
    case "wm_task":
      return { workOrder: { case: cases } };
    case "customer_account":
      if (actor.accountId === null) return { id: -1 };
      return partnerAdmin
        ? { OR: [{ id: actor.accountId }, { partnersOf: { some: { partnerAccountId: actor.accountId } } }] }
        : { id: actor.accountId };
    case "sys_journal_field": {
      // JRN-3: the additional comments of the cases in scope (the journal names its record by id).
      const ids = await db().case.findMany({ where: cases, select: { id: true } });
      return { table: "sn_customerservice_case", kind: "comments", recordId: { in: ids.map((c) => c.id) } };
    }
    default:
      return null;
  }
}

/** The tables with a timeline (the record pages' journal): those whose map has a journal field. */
const JOURNAL_TABLES: ApiTableName[] = API_TABLES.filter((t) =>
  Object.values(TABLES[t].fields).some((f) => f.journal),
);

/** Journal entries of the tables an internal reader may read (work notes included, JRN-3). */
function internalJournalWhere(actor: Actor, active: ReadonlySet<string>): Where {
  const tables = JOURNAL_TABLES.filter(
    (t) => (!PLUGIN_OF[t] || active.has(PLUGIN_OF[t])) && canReadJournalOf(actor, t),
  );
  return { table: { in: tables } };
}

/**
 * API-3, ROLE-1…3: whether `actor` may read `table` and which rows and fields. A table of an
 * inactive plugin does not exist (404); a table the role may not read is a 403.
 */
export async function readAccess(actor: Actor, table: ApiTableName): Promise<ReadAccess> {
  const active = await activePlugins();
  const plugin = PLUGIN_OF[table];
  if (plugin && !active.has(plugin)) throw notFound(`Table ${table}`);
  // ITSM-5: with Service Management off a case has no Related Records, here as on its page.
  const related = table === "sn_customerservice_case" && !active.has(PLUGIN.serviceManagement);
  const shown = (name: string) => !(related && CASE_RELATED_FIELDS.includes(name));
  if (isExternal(actor)) {
    const where = await externalWhere(actor, table);
    if (!where) throw forbidden(`External users cannot read the ${table} table.`);
    const allowed = externalFieldsOf(table);
    return { where, field: (name) => allowed.has(name) && shown(name) };
  }
  if (!INTERNAL_READ[table](actor)) throw forbidden(`Your roles do not allow reading the ${table} table.`);
  if (table === "sys_journal_field") return { where: internalJournalWhere(actor, active), field: () => true };
  // ROLE-1: without incident read, a case has no Incident field.
  if (table === "sn_customerservice_case" && !canReadIncidents(actor))
    return { where: {}, field: (name) => name !== "incident" && shown(name) };
  return { where: {}, field: shown };
}
