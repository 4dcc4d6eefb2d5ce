"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { canScheduleWorkOrders, canWorkWorkOrders } from "@/lib/domain/work-orders/access";
import { formObject, recordNumber } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { postWorkOrderJournal } from "@/lib/server/work-orders/journal";
import { addTask, updateTask } from "@/lib/server/work-orders/tasks";
import { updateWorkOrder } from "@/lib/server/work-orders/update";

// The work order page (FSM-2, FSM-3): save the form, post work notes, add and edit tasks.
// ITIL fulfillers work work orders; agents and managers post work notes and change task
// appointment windows (FSM-5). The services check the same rules, field by field, and the plugin.

const path = (number: string) => `/work-orders/${number}`;

export async function saveWorkOrderAction(number: string, _p: ActionResult | null, form: FormData) {
  return runAction({
    name: "saveWorkOrder",
    allow: canWorkWorkOrders,
    run: (actor) => updateWorkOrder(actor, recordNumber(number), formObject(form)),
    revalidate: (r) => [path(r.number), "/work-orders"],
    success: (r) => (r.changed.length ? "Work order saved." : "No changes to save."),
  });
}

export async function postWorkOrderJournalAction(number: string, _p: ActionResult | null, form: FormData) {
  return runAction({
    name: "postWorkOrderJournal",
    allow: canScheduleWorkOrders,
    run: (actor) => postWorkOrderJournal(actor, recordNumber(number), formObject(form)),
    revalidate: (r) => [path(r.number)],
    success: (r) => (r.posted ? "Posted." : "Already posted."),
  });
}

export async function addTaskAction(number: string, _p: ActionResult | null, form: FormData) {
  return runAction({
    name: "addWorkOrderTask",
    allow: canWorkWorkOrders,
    run: (actor) => addTask(actor, recordNumber(number), formObject(form)),
    revalidate: (r) => [path(r.workOrderNumber)],
    success: (r) => (r.created ? `Task ${r.number} added.` : `Task ${r.number} was already added.`),
  });
}

export async function saveTaskAction(taskNumber: string, _p: ActionResult | null, form: FormData) {
  return runAction({
    name: "saveWorkOrderTask",
    allow: canScheduleWorkOrders,
    run: (actor) => updateTask(actor, recordNumber(taskNumber), formObject(form)),
    revalidate: (r) => [path(r.workOrderNumber)],
    success: (r) => (r.changed.length ? `Task ${r.number} saved.` : "No changes to save."),
  });
}
