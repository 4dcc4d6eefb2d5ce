import "server-only";
import type { Tx } from "@/lib/db";
import { forbidden, notFound } from "@/lib/domain/errors";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { activePlugins } from "../plugins/read";
import { lockRows } from "@/lib/server/tables/row-locks";

/** FSM-1: with the Field Service plugin off, every work order service refuses. */
export async function assertFieldService(tx?: Tx) {
  if (!(await activePlugins(tx)).has(PLUGIN.fieldService))
    throw forbidden(`The integration ${PLUGIN.fieldService} is not active.`);
}

export type WorkOrderRow = NonNullable<Awaited<ReturnType<Tx["workOrder"]["findUnique"]>>>;

/**
 * The work order, row-locked for the rest of the transaction (tables/row-locks.ts), or not found.
 * Its case is locked first (SYNC-2): a case save locks the case and then copies to its work orders
 * (FSM-4), and a state change writes the case's work note — one order, case before work order, or
 * the two deadlock on PostgreSQL. A work order's case never changes, so the id read is the one locked.
 */
export async function requireLockedWorkOrder(tx: Tx, number: string): Promise<WorkOrderRow> {
  const found = await tx.workOrder.findUnique({ where: { number }, select: { id: true, caseId: true } });
  if (!found) throw notFound(`Work order ${number}`);
  await lockRows(tx, "Case", [found.caseId]);
  await lockRows(tx, "WorkOrder", [found.id]);
  return (await tx.workOrder.findUnique({ where: { id: found.id } }))!;
}
