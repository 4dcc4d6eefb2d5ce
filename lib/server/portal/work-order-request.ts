import "server-only";
import { transaction, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid } from "@/lib/domain/errors";
import { FIELD_MAP } from "@/lib/domain/field-maps/catalog";
import { applyFieldMap } from "@/lib/domain/field-maps/rules";
import { WorkOrderState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { withDerivedParties } from "@/lib/domain/work-orders/parties";
import { parsePortalWorkOrderRequest, portalRequestRefusal } from "@/lib/domain/work-orders/portal-request";
import { auditCreation } from "../audit/write";
import { noteBy } from "../case-store/menu-guard";
import { requireLockedCase, type CaseRow } from "../case-store/row";
import { nextNumber } from "../records/numbers";
import { getExternalCaseRef } from "../scope/cases";
import { assertFieldService } from "../work-orders/guard";
import { auditTaskCreation } from "../work-orders/task-audit";

type Requested = { caseNumber: string; number: string; created: boolean };

/** The work order this request key already made on this case (a double submit), or null. */
async function requestedWith(tx: Tx, requestKey: string, caseId: number, caseNumber: string) {
  const earlier = await tx.workOrder.findUnique({
    where: { requestKey },
    select: { number: true, caseId: true },
  });
  if (!earlier) return null;
  // Another case's key (or an agent's click key) is not this request's: refused, naming the field.
  if (earlier.caseId !== caseId)
    throw invalid("requestKey", "The request key is not valid; reload the page.");
  return { caseNumber, number: earlier.number, created: false } satisfies Requested;
}

/** The admin's case → work order map applied to the case, as Create Work Order does (FSM-1, FSM-2). */
async function fromFieldMap(tx: Tx, c: CaseRow) {
  const rows = await tx.fieldMap.findMany({ where: { mapName: FIELD_MAP.caseToWorkOrder } });
  return withDerivedParties(
    null,
    applyFieldMap(FIELD_MAP.caseToWorkOrder, rows, c) as Record<string, unknown>,
  );
}

/**
 * FSM-5: a customer requests a work order on their own open case. The work order is filled by the
 * case → work order map, starts Awaiting Qualification (an agent qualifies it), and its one task
 * carries the customer's description and proposed appointment window; a work note on the case
 * tells the agents — one transaction. A case outside the user's scope answers not found (POR-4);
 * the request key makes a double submit (or a retry) return the first work order.
 */
export async function requestWorkOrder(actor: Actor, caseNumber: string, input: unknown): Promise<Requested> {
  const ref = await getExternalCaseRef(actor, caseNumber);
  const request = parsePortalWorkOrderRequest(input);
  return transaction(async (tx) => {
    await assertFieldService(tx);
    const done = await requestedWith(tx, request.requestKey, ref.id, ref.number);
    if (done) return done;
    const c = await requireLockedCase(tx, ref.number);
    // POR-4: the lock may have waited for a change of the case's contact or account, after which the
    // case is no longer theirs: "not found", like Reply and Attach (not a 403 naming who may ask).
    await getExternalCaseRef(actor, ref.number, tx);
    // Concurrent submits queue on the case lock; the second sees the first's key here.
    const earlier = await requestedWith(tx, request.requestKey, c.id, c.number);
    if (earlier) return earlier;
    const refusal = portalRequestRefusal(actor, c);
    if (refusal) throw forbidden(refusal);
    const mapped = await fromFieldMap(tx, c);
    const order = await tx.workOrder.create({
      data: {
        ...mapped,
        shortDescription: (mapped.shortDescription as string | undefined) || c.shortDescription,
        description: request.description,
        number: await nextNumber(tx, "workOrder"),
        caseId: c.id,
        state: WorkOrderState.AwaitingQualification,
        openedById: actor.id,
        requestKey: request.requestKey,
      },
    });
    const task = await tx.workOrderTask.create({
      data: {
        number: await nextNumber(tx, "workOrderTask"),
        workOrderId: order.id,
        shortDescription: c.shortDescription,
        description: request.description,
        priority: c.priority,
        accountId: c.accountId,
        contactId: c.contactId,
        consumerId: c.consumerId,
        windowStart: request.windowStart,
        windowEnd: request.windowEnd,
      },
    });
    const { requestKey: _key, ...audited } = order;
    await auditCreation(tx, TABLE.workOrder, audited, actor);
    await auditTaskCreation(tx, task, actor);
    const body = `Work order ${order.number} requested by ${actor.name} in the portal.`;
    await noteBy(tx, actor, TABLE.case, c.id, body, {
      table: TABLE.workOrder,
      id: order.id,
      number: order.number,
      event: `${TABLE.workOrder}:${order.id}:requested`,
    });
    await noteBy(tx, actor, TABLE.workOrder, order.id, `Requested in the portal from case ${c.number}.`, {
      table: TABLE.case,
      id: c.id,
      number: c.number,
      event: `case:${c.id}:requested:${TABLE.workOrder}:${order.id}`,
    });
    return { caseNumber: c.number, number: order.number, created: true };
  });
}
