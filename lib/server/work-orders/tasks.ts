import "server-only";
import { type Tx, inTransaction } from "@/lib/db";
import { FIELD_LABELS } from "@/lib/domain/audit/labels";
import type { Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid, notFound } from "@/lib/domain/errors";
import { TaskState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import {
  assertStillStaffed,
  isOpenTask,
  isOpenWorkOrder,
  planTaskState,
} from "@/lib/domain/work-orders/lifecycle";
import {
  taskCreateSchema,
  taskUpdateSchema,
  type TaskCreateInput,
  type TaskUpdateInput,
} from "@/lib/domain/work-orders/schemas";
import { checkWindow } from "@/lib/domain/work-orders/window";
import { refusedTaskFields } from "@/lib/domain/work-orders/access";
import { checkCaseReferences } from "../case-store/references";
import { lockRows } from "@/lib/server/tables/row-locks";
import { nextNumber } from "../records/numbers";
import { applyVersionedPatch } from "../records/patch";
import { auditTaskCreation } from "./task-audit";
import { assertFieldService, requireLockedWorkOrder, type WorkOrderRow } from "./guard";
import { assertCanSchedule, assertCanWork } from "./update";

function assertOpen(order: WorkOrderRow) {
  if (!isOpenWorkOrder(order.state))
    throw invalid("state", `Work order ${order.number} is ${order.state}: its tasks cannot be changed.`);
}

/** FSM-3: the technician is an active internal user (the case rule for Assigned to). */
const checkAssignee = (tx: Tx, assignedToId: number | null | undefined) =>
  assignedToId ? checkCaseReferences(tx, { assignedToId }, "work order") : Promise.resolve();

/** Adds a task to an open work order: Assigned when it names a technician, else Draft. */
export async function addTask(actor: Actor, workOrderNumber: string, raw: TaskCreateInput, outer?: Tx) {
  assertCanWork(actor);
  const input = parseOrThrow(taskCreateSchema, raw);
  return inTransaction(outer, async (tx) => {
    await assertFieldService(tx);
    const order = await requireLockedWorkOrder(tx, workOrderNumber);
    // REL-2: the same form sent again (a double click, a retry) — asked under the order's lock, so
    // a second request waits for the first and finds its task.
    const again = input.requestKey
      ? await tx.workOrderTask.findUnique({ where: { requestKey: input.requestKey } })
      : null;
    if (again?.workOrderId === order.id) return { workOrderNumber, number: again.number, created: false };
    if (again) throw invalid("requestKey", "This form was sent for another work order; reload the page.");
    assertOpen(order);
    const window = checkWindow({ windowStart: null, windowEnd: null }, input);
    await checkAssignee(tx, input.assignedToId);
    const task = await tx.workOrderTask.create({
      data: {
        number: await nextNumber(tx, "workOrderTask"),
        workOrderId: order.id,
        shortDescription: input.shortDescription,
        description: input.description ?? "",
        priority: order.priority,
        accountId: order.accountId,
        contactId: order.contactId,
        consumerId: order.consumerId,
        assignedToId: input.assignedToId ?? null,
        state: input.assignedToId ? TaskState.Assigned : TaskState.Draft,
        ...window,
        requestKey: input.requestKey ?? null,
      },
    });
    await auditTaskCreation(tx, task, actor);
    return { workOrderNumber, number: task.number, created: true };
  });
}

/**
 * FSM-5: agents and managers change only the appointment window (set, move, or cancel it by
 * clearing both ends); a fulfiller's fields given by them are refused, by name, before any write.
 */
function assertOnlyWhatTheyMay(actor: Actor, edit: Record<string, unknown>) {
  const refused = refusedTaskFields(actor, edit).map((f) => FIELD_LABELS[f] ?? f);
  if (!refused.length) return;
  const named =
    refused.length === 1
      ? `${refused[0]} stays`
      : `${refused.slice(0, -1).join(", ")} and ${refused.at(-1)} stay`;
  throw forbidden(
    `Agents and managers may change only a task's appointment window; ${named} with the ITIL fulfillers.`,
  );
}

/** A task edit: its state along the task lifecycle, technician, appointment window (start before end). */
export async function updateTask(actor: Actor, taskNumber: string, raw: TaskUpdateInput, outer?: Tx) {
  assertCanSchedule(actor);
  const { version, state, ...fields } = parseOrThrow(taskUpdateSchema, raw);
  assertOnlyWhatTheyMay(actor, { state, ...fields });
  return inTransaction(outer, async (tx) => {
    await assertFieldService(tx);
    const found = await tx.workOrderTask.findUnique({
      where: { number: taskNumber },
      select: { workOrder: { select: { number: true } } },
    });
    if (!found) throw notFound(`Work order task ${taskNumber}`);
    const order = await requireLockedWorkOrder(tx, found.workOrder.number);
    assertOpen(order);
    const current = (await tx.workOrderTask.findUnique({ where: { number: taskNumber } }))!;
    await lockRows(tx, "WorkOrderTask", [current.id]);
    if (!isOpenTask(current.state))
      throw invalid("state", `Task ${taskNumber} is ${current.state} and cannot be changed.`);
    const patch: Record<string, unknown> = Object.fromEntries(
      Object.entries(fields).filter(([k, v]) => v !== undefined && !k.startsWith("window")),
    );
    Object.assign(patch, checkWindow(current, fields));
    if (patch.assignedToId !== current.assignedToId)
      await checkAssignee(tx, patch.assignedToId as number | null);
    const assignee =
      patch.assignedToId === undefined ? current.assignedToId : (patch.assignedToId as number | null);
    if (state !== undefined) Object.assign(patch, planTaskState(current, state, assignee));
    else if (
      assignee === null &&
      current.state !== TaskState.Draft &&
      current.state !== TaskState.PendingDispatch
    )
      throw invalid("assignedToId", `A task in state ${current.state} needs an Assigned to technician.`);
    assertStillStaffed(order.state, await tx.workOrderTask.findMany({ where: { workOrderId: order.id } }), {
      number: taskNumber,
      state: (patch.state as string | undefined) ?? current.state,
      assignedToId: assignee,
    });
    const changes = await applyVersionedPatch(tx, {
      table: TABLE.workOrderTask,
      noun: "task",
      current,
      version,
      patch,
      actor,
      update: (where, data) => tx.workOrderTask.updateMany({ where, data }),
    });
    // The order's page shows its tasks: a task change is a change of the order (REC-6 banner, lists).
    if (changes.length)
      await tx.workOrder.update({ where: { id: order.id }, data: { updatedAt: new Date() } });
    return { number: taskNumber, workOrderNumber: order.number, changed: changes.map((c) => c.field) };
  });
}
