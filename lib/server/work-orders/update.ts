import "server-only";
import { type Tx, inTransaction } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid } from "@/lib/domain/errors";
import type { WorkOrderStateValue } from "@/lib/domain/records/choices";
import { FIELD_LABELS } from "@/lib/domain/audit/labels";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import { canScheduleWorkOrders, canWorkWorkOrders } from "@/lib/domain/work-orders/access";
import {
  isOpenWorkOrder,
  planWorkOrderState,
  taskStateOnOrderClose,
} from "@/lib/domain/work-orders/lifecycle";
import { PARTY_FIELDS, withDerivedParties } from "@/lib/domain/work-orders/parties";
import { workOrderUpdateSchema, type WorkOrderUpdateInput } from "@/lib/domain/work-orders/schemas";
import { insertAuditRows, type AuditRow } from "../tables/audit-entry";
import { checkCaseReferences } from "../case-store/references";
import { applyVersionedPatch } from "../records/patch";
import { runSync } from "../sync/run";
import { assertFieldService, requireLockedWorkOrder, type WorkOrderRow } from "./guard";

export function assertCanWork(actor: Actor) {
  if (!canWorkWorkOrders(actor)) throw forbidden("Only ITIL fulfillers can work work orders.");
}

/** FSM-5: appointment windows and work notes are also the agents' and managers'. */
export function assertCanSchedule(actor: Actor) {
  if (!canScheduleWorkOrders(actor))
    throw forbidden("Only customer service agents, managers and ITIL fulfillers can do that.");
}

/**
 * The references an edit sets must exist and fit together (the case rules). Company and Caller
 * follow Account and Contact (FSM-2): given apart (the Table API), they must say the same — a
 * Company of another account, or a Caller of another account's, contradicted the record the page
 * shows as "Follows Account". (So they need no lookup of their own: Account and Contact are checked.)
 */
async function checkReferences(
  tx: Tx,
  current: WorkOrderRow,
  given: Record<string, unknown>,
  patch: Record<string, unknown>,
) {
  const merged = { ...current, ...patch };
  // A value the record already holds (a client echoing what it read) or the one the Account or
  // Contact gives is no contradiction; an Account or Contact set anew replaces them (withDerivedParties).
  const contradicts = (field: "companyId" | "callerId", from: "accountId" | "contactId") =>
    given[field] !== undefined && given[field] !== current[field] && given[field] !== merged[from];
  if (contradicts("companyId", "accountId"))
    throw invalid("companyId", "Company follows Account (FSM-2): set the Account instead.");
  if (contradicts("callerId", "contactId"))
    throw invalid("callerId", "Caller follows Contact (FSM-2): set the Contact instead.");
  if (PARTY_FIELDS.some((k) => patch[k] !== undefined && patch[k] !== current[k as keyof WorkOrderRow]))
    await checkCaseReferences(tx, merged, "work order", current);
}

/**
 * A work order closed as Canceled or Closed Incomplete takes its open tasks with it (audited, same
 * transaction; taskStateOnOrderClose says into which state): no task stays open — and uneditable —
 * under a closed order. (Closed Complete is refused while a task is open: lifecycle.ts.)
 */
async function closeOpenTasks(tx: Tx, actor: Actor, workOrderId: number, orderState: WorkOrderStateValue) {
  const tasks = await tx.workOrderTask.findMany({
    where: { workOrderId },
    select: { id: true, state: true },
  });
  const moves = tasks.flatMap((t) => {
    const to = taskStateOnOrderClose(orderState, t.state);
    return to ? [{ ...t, to }] : [];
  });
  if (!moves.length) return;
  // One statement per target state, one audit statement: an order's tasks are unbounded (Add task, wm_task POST).
  for (const to of new Set(moves.map((m) => m.to)))
    await tx.workOrderTask.updateMany({
      where: { id: { in: moves.filter((m) => m.to === to).map((m) => m.id) } },
      data: { state: to, version: { increment: 1 } },
    });
  const rows = moves.map((m): AuditRow => [m.id, "state", m.state, m.to]);
  await insertAuditRows(tx, TABLE.workOrderTask, rows, actor, new Date());
}

/**
 * FSM-5: an agent's or manager's change of the work order's own fields (the Table API's wm_order
 * PATCH: the page offers them none) is refused naming those fields, as a task's are.
 */
function assertMayUpdate(actor: Actor, raw: WorkOrderUpdateInput) {
  if (canWorkWorkOrders(actor) || !canScheduleWorkOrders(actor)) return assertCanWork(actor);
  const named = Object.keys(raw ?? {})
    .filter((k) => k !== "version")
    .map((k) => FIELD_LABELS[k] ?? k);
  const stay = !named.length
    ? "the work order's fields stay"
    : named.length === 1
      ? `${named[0]} stays`
      : `${named.join(", ")} stay`;
  throw forbidden(
    `Agents and managers may add work notes and change tasks' appointment windows; ${stay} with the ITIL fulfillers.`,
  );
}

/**
 * The work order form (FSM-2, FSM-3): field edits with Company and Caller following Account and
 * Contact, state moves along the lifecycle (REC-3), saved only from the current version (REC-6),
 * audited (REC-5); a state change writes its case's work note in the same transaction (SYNC-2).
 */
export async function updateWorkOrder(actor: Actor, number: string, raw: WorkOrderUpdateInput, outer?: Tx) {
  assertMayUpdate(actor, raw);
  const { version, state, ...fields } = parseOrThrow(workOrderUpdateSchema, raw);
  return inTransaction(outer, async (tx) => {
    await assertFieldService(tx);
    const current = await requireLockedWorkOrder(tx, number);
    if (!isOpenWorkOrder(current.state))
      throw invalid("state", `This work order is ${current.state} and cannot be changed.`);
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const patch: Record<string, unknown> = withDerivedParties(current, defined);
    await checkReferences(tx, current, defined, patch);
    const moving = state !== undefined && state !== current.state ? state : undefined;
    if (moving) {
      const tasks = await tx.workOrderTask.findMany({ where: { workOrderId: current.id } });
      Object.assign(patch, planWorkOrderState(current, moving, tasks, new Date()));
    }
    const changes = await applyVersionedPatch(tx, {
      table: TABLE.workOrder,
      noun: "work order",
      current,
      version,
      patch,
      actor,
      update: (where, data) => tx.workOrder.updateMany({ where, data }),
    });
    if (moving && !isOpenWorkOrder(moving)) await closeOpenTasks(tx, actor, current.id, moving);
    if (changes.some((c) => c.field === "state")) {
      await runSync(tx, {
        type: "update",
        record: { table: TABLE.workOrder, id: current.id, number },
        version: version + 1,
        before: current,
        after: { ...current, ...patch },
      });
    }
    return { number, changed: changes.map((c) => c.field) };
  });
}
