import "server-only";
import { transaction, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { MENU_ITEM } from "@/lib/domain/cases/menu";
import { forbidden } from "@/lib/domain/errors";
import { FIELD_MAP } from "@/lib/domain/field-maps/catalog";
import { applyFieldMap } from "@/lib/domain/field-maps/rules";
import { WorkOrderState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { withDerivedParties } from "@/lib/domain/work-orders/parties";
import { canCreateWorkOrders } from "@/lib/domain/work-orders/access";
import { parseRequestKey } from "@/lib/domain/validation";
import { auditCreation } from "../audit/write";
import { CLICK_MADE, madeByClick } from "../case-store/click-key";
import { caseForMenuItem, noteBy } from "../case-store/menu-guard";
import type { CaseRow } from "../case-store/row";
import { nextNumber } from "../records/numbers";
import { assertFieldService } from "./guard";
import { auditTaskCreation } from "./task-audit";

/** The work order this click key already made from this case, or null (case-store/click-key.ts). */
async function madeBy(tx: Tx, requestKey: string, caseNumber: string) {
  return madeByClick(
    await tx.workOrder.findUnique({ where: { requestKey }, select: CLICK_MADE }),
    caseNumber,
  );
}

/** The case → work order map (FSM-1), applied to the case; Company and Caller follow (FSM-2). */
async function mappedWorkOrder(tx: Tx, c: CaseRow) {
  const rows = await tx.fieldMap.findMany({ where: { mapName: FIELD_MAP.caseToWorkOrder } });
  const mapped: Record<string, unknown> = applyFieldMap(FIELD_MAP.caseToWorkOrder, rows, c);
  return withDerivedParties(null, mapped);
}

/**
 * FSM-1 Create Work Order: the work order filled by the admin's case → work order map, one task
 * carrying the case information, audit rows and a work note on both records — one transaction.
 * The click's request key makes a double click (or a retry) return the first work order: the case
 * row lock queues concurrent clicks, so the second sees the first's key. Several clicks of the
 * menu (new keys) make several work orders, as a case may have many.
 */
export async function createWorkOrderFromCase(actor: Actor, caseNumber: string, rawKey: unknown) {
  if (!canCreateWorkOrders(actor)) throw forbidden("Only customer service agents and managers can do that.");
  const requestKey = parseRequestKey(rawKey);
  return transaction(async (tx) => {
    await assertFieldService(tx);
    // A retry of a click that already made its work order gets it back, even if the case has
    // since moved on (resolved…); the lookup runs again under the case lock for concurrent clicks.
    const done = await madeBy(tx, requestKey, caseNumber);
    if (done) return done;
    const c = await caseForMenuItem(tx, actor, caseNumber, MENU_ITEM.createWorkOrder);
    const earlier = await madeBy(tx, requestKey, caseNumber);
    if (earlier) return earlier;
    const data = await mappedWorkOrder(tx, c);
    const shortDescription = (data.shortDescription as string | undefined) || c.shortDescription;
    const order = await tx.workOrder.create({
      data: {
        ...data,
        shortDescription,
        number: await nextNumber(tx, "workOrder"),
        caseId: c.id,
        state: WorkOrderState.Draft,
        openedById: actor.id,
        requestKey,
      },
    });
    const task = await tx.workOrderTask.create({
      data: {
        number: await nextNumber(tx, "workOrderTask"),
        workOrderId: order.id,
        shortDescription: c.shortDescription,
        description: c.description,
        priority: c.priority,
        accountId: c.accountId,
        contactId: c.contactId,
        consumerId: c.consumerId,
      },
    });
    const { requestKey: _key, ...audited } = order;
    await auditCreation(tx, TABLE.workOrder, audited, actor);
    await auditTaskCreation(tx, task, actor);
    await noteBy(tx, actor, TABLE.case, c.id, `Work order ${order.number} created from this case.`, {
      table: TABLE.workOrder,
      id: order.id,
      number: order.number,
      event: `${TABLE.workOrder}:${order.id}:created`,
    });
    await noteBy(tx, actor, TABLE.workOrder, order.id, `Created from case ${c.number}.`, {
      table: TABLE.case,
      id: c.id,
      number: c.number,
      event: `case:${c.id}:created:${TABLE.workOrder}:${order.id}`,
    });
    return { caseNumber, number: order.number, created: true };
  });
}
