import "server-only";
import type { Tx } from "@/lib/db";
import type { FieldChange } from "@/lib/domain/audit/diff";
import type { Actor } from "@/lib/domain/auth/roles";
import { CASE_FIELDS, FIELD_MAP, fieldOf } from "@/lib/domain/field-maps/catalog";
import { applyFieldMap } from "@/lib/domain/field-maps/rules";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { TABLE } from "@/lib/domain/records/tables";
import { CLOSED_WORK_ORDER_STATES, isOpenWorkOrder } from "@/lib/domain/work-orders/lifecycle";
import { PARTY_FIELDS, withDerivedParties } from "@/lib/domain/work-orders/parties";
import { activePlugins } from "../plugins/read";
import { booleanProperty } from "../properties/read";
import { lockRows } from "@/lib/server/tables/row-locks";
import { applyVersionedPatch } from "../records/patch";
import { checkCaseReferences } from "../case-store/references";
import { appendJournal } from "../journal/write";
import { DomainError } from "@/lib/domain/errors";

const CASE_COLUMNS = new Set(CASE_FIELDS.map((f) => f.column));

type Row = Record<string, unknown>;

/**
 * The copy less the parties that would not fit this work order, checked as its own save checks
 * them (checkCaseReferences), with each refusal's message. A work order whose Account a fulfiller
 * changed no longer shares the case's: a new Contact of the case's account copied onto it made a
 * record whose every later save was refused naming Contact. A refusal naming a field the copy
 * does not set (the work order's own Contact against a copied Account) drops every party.
 */
async function fittingParties(tx: Tx, order: Row, data: Row): Promise<{ patch: Row; refused: string[] }> {
  const patch = { ...data };
  const refused: string[] = [];
  const sets = () => PARTY_FIELDS.filter((k) => patch[k] !== undefined && patch[k] !== order[k]);
  while (sets().length) {
    try {
      await checkCaseReferences(tx, { ...order, ...patch }, "work order", order);
      break;
    } catch (e) {
      if (!(e instanceof DomainError) || e.kind !== "invalid") throw e;
      refused.push(e.message);
      const named = sets().find((k) => k === e.field);
      const drop = named ? [named] : sets();
      for (const k of drop) delete patch[k];
    }
  }
  return { patch, refused };
}

/**
 * FSM-4: after creation nothing flows from a case to its work orders (the seed's limitation) —
 * unless the admin switches on `csm_fsm.sync_case_to_work_order`: then a saved change of a case
 * field that the case → work order map reads is copied to the case's open work orders, with
 * Company and Caller following (FSM-2), audited as the person who changed the case, in the
 * case's transaction. Constants of the map are not re-applied: only what changed flows.
 * Costs nothing (no query) unless a case field changed; then two reads before it knows it is off.
 */
export async function copyCaseChangesToWorkOrders(
  tx: Tx,
  actor: Pick<Actor, "id" | "name"> | null,
  caseAfter: { id: number; number: string } & Record<string, unknown>,
  changes: readonly FieldChange[],
) {
  const changed = new Set(changes.map((c) => c.field).filter((f) => CASE_COLUMNS.has(f)));
  if (!changed.size) return 0;
  if (!(await booleanProperty(PROPERTY.syncCaseToWorkOrder, tx))) return 0;
  if (!(await activePlugins(tx)).has(PLUGIN.fieldService)) return 0;
  const rows = (await tx.fieldMap.findMany({ where: { mapName: FIELD_MAP.caseToWorkOrder } })).filter(
    (r) => r.sourceField && changed.has(fieldOf(CASE_FIELDS, r.sourceField)?.column ?? ""),
  );
  const data = applyFieldMap(FIELD_MAP.caseToWorkOrder, rows, caseAfter);
  if (!Object.keys(data).length) return 0;
  const orders = await tx.workOrder.findMany({
    where: { caseId: caseAfter.id, state: { notIn: [...CLOSED_WORK_ORDER_STATES] } },
  });
  await lockRows(
    tx,
    "WorkOrder",
    orders.map((o) => o.id),
  );
  let copied = 0;
  for (const order of orders) {
    const fresh = (await tx.workOrder.findUnique({ where: { id: order.id } }))!;
    // Closed since it was listed (PostgreSQL: another transaction held the row): it keeps its values.
    if (!isOpenWorkOrder(fresh.state)) continue;
    const { patch, refused } = await fittingParties(tx, fresh, data);
    const changesMade = await applyVersionedPatch(tx, {
      table: TABLE.workOrder,
      noun: "work order",
      current: fresh,
      version: fresh.version,
      patch: withDerivedParties(fresh, patch),
      actor,
      update: (where, d) => tx.workOrder.updateMany({ where, data: d }),
    });
    if (changesMade.length) copied++;
    if (refused.length)
      await appendJournal(tx, {
        table: TABLE.workOrder,
        recordId: fresh.id,
        kind: "work_notes",
        body: `Not copied from case ${String(caseAfter.number)}: ${refused.join(" ")}`,
        author: { id: null, name: "System" },
      });
  }
  return copied;
}
