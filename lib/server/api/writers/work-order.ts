import "server-only";
import { journalPostSchema } from "@/lib/domain/cases/schemas";
import { invalid } from "@/lib/domain/errors";
import { workOrderTaskTable } from "@/lib/domain/api/tables/field-service";
import { parseOrThrow } from "@/lib/domain/validation";
import { postWorkOrderJournal } from "../../work-orders/journal";
import { addTask, updateTask } from "../../work-orders/tasks";
import { updateWorkOrder } from "../../work-orders/update";
import { changedInputs, hasKeys, onlyInputs, splitJournal, type Writer } from "./types";

/**
 * wm_order: PATCH is the work order form (FSM-2 Account → Company, Contact → Caller; FSM-3
 * lifecycle; REC-6), work_notes its composer. POST is refused: the UI makes a work order only
 * from its case (Create Work Order, FSM-1), filled by the admin's case → work order map.
 */
export const workOrderWriter: Writer = {
  noCreate:
    "A work order is created from its case in the workspace (Additional actions → Create Work Order).",
  async update(actor, row, input, version, tx) {
    const { fields, journal, hasJournal } = splitJournal(input);
    if (hasJournal) parseOrThrow(journalPostSchema, journal);
    const number = String(row.number);
    if (hasJournal) await postWorkOrderJournal(actor, number, journal, tx);
    // Agents and managers may write only the journal here (FSM-5): the fields PUT back as read are
    // no change, not a 403 (API-2).
    const changes = changedInputs(row, fields);
    if (hasKeys(changes)) await updateWorkOrder(actor, number, { ...changes, version }, tx);
  },
};

const TASK_CREATE = [
  "workOrderId",
  "shortDescription",
  "description",
  "assignedToId",
  "windowStart",
  "windowEnd",
];
const TASK_UPDATE = ["shortDescription", "state", "assignedToId", "windowStart", "windowEnd"];

/**
 * wm_task: POST is the work order's Add task (`parent` names the work order; a task naming a
 * technician starts Assigned, else Draft), PATCH the task form (its lifecycle, FSM-3 window).
 */
export const workOrderTaskWriter: Writer = {
  async create(actor, input, tx) {
    onlyInputs(workOrderTaskTable, input, TASK_CREATE, "create");
    const { workOrderId, ...fields } = input;
    if (typeof workOrderId !== "number")
      throw invalid("parent", "parent: give the sys_id of the work order the task belongs to.");
    const order = await tx.workOrder.findUnique({ where: { id: workOrderId }, select: { number: true } });
    if (!order) throw invalid("parent", "parent: no wm_order record has that sys_id.");
    const { number } = await addTask(actor, order.number, fields as Parameters<typeof addTask>[2], tx);
    return tx.workOrderTask.findUniqueOrThrow({ where: { number }, select: { id: true } });
  },
  async update(actor, row, input, version, tx) {
    // A record read and PUT back carries `parent` and `description`, which the task form does not
    // change: as they are, they are no change (docs/rules/api.md); another value is the 400. Its other
    // fields as read are no change either, so an agent's PUT-back of a new window is not refused for
    // carrying the task's state (FSM-5).
    const changes = changedInputs(row, input);
    onlyInputs(workOrderTaskTable, changes, TASK_UPDATE, "update");
    await updateTask(actor, String(row.number), { ...changes, version }, tx);
  },
};
