// SPEC §1, FSM-3: the work order lifecycle and the lifecycle of its tasks (REC-3: legal moves only).
// The states follow Field Service Management: a work order is qualified, dispatched, assigned,
// accepted and worked; its tasks carry the appointments and are worked by the assigned technician.
import { invalid } from "../errors";
import {
  TaskState as T,
  taskStates,
  WorkOrderState as W,
  workOrderStates,
  type TaskStateValue,
  type WorkOrderStateValue,
} from "../records/choices";
import {
  assertTransition,
  legalNextStates,
  selectableStates,
  type Lifecycle,
} from "../records/state-machine";

export const workOrderLifecycle: Lifecycle<WorkOrderStateValue> = {
  noun: "work order",
  states: workOrderStates,
  next: new Map<WorkOrderStateValue, WorkOrderStateValue[]>([
    [W.Draft, [W.AwaitingQualification, W.Qualified, W.Canceled]],
    [W.AwaitingQualification, [W.Qualified, W.Canceled]],
    [W.Qualified, [W.ReadyForDispatch, W.Canceled]],
    [W.ReadyForDispatch, [W.Assigned, W.Canceled]],
    [W.Assigned, [W.Accepted, W.ReadyForDispatch, W.Canceled]],
    [W.Accepted, [W.WorkInProgress, W.Assigned, W.Canceled]],
    [W.WorkInProgress, [W.ClosedComplete, W.ClosedIncomplete]],
    [W.ClosedComplete, []],
    [W.ClosedIncomplete, []],
    [W.Canceled, []],
  ]),
};

export const CLOSED_WORK_ORDER_STATES: readonly string[] = [W.ClosedComplete, W.ClosedIncomplete, W.Canceled];
export const isOpenWorkOrder = (state: string) => !CLOSED_WORK_ORDER_STATES.includes(state);

export const taskLifecycle: Lifecycle<TaskStateValue> = {
  noun: "work order task",
  states: taskStates,
  next: new Map<TaskStateValue, TaskStateValue[]>([
    [T.Draft, [T.PendingDispatch, T.Assigned, T.Canceled]],
    [T.PendingDispatch, [T.Assigned, T.Canceled]],
    [T.Assigned, [T.Accepted, T.PendingDispatch, T.Canceled]],
    [T.Accepted, [T.WorkInProgress, T.Assigned, T.Canceled]],
    [T.WorkInProgress, [T.ClosedComplete, T.ClosedIncomplete]],
    [T.ClosedComplete, []],
    [T.ClosedIncomplete, []],
    [T.Canceled, []],
  ]),
};

export const CLOSED_TASK_STATES: readonly string[] = [T.ClosedComplete, T.ClosedIncomplete, T.Canceled];
export const isOpenTask = (state: string) => !CLOSED_TASK_STATES.includes(state);

type TaskLike = { number: string; state: string; assignedToId: number | null };

/**
 * The work order states that say a technician has the work: one of its tasks that is not canceled
 * must have one (a completed task counts: its technician did the work, and the order still has to
 * move on to Work in Progress before it closes).
 */
const STAFFED_WORK_ORDER_STATES: readonly string[] = [W.Assigned, W.Accepted, W.WorkInProgress];
const isStaffed = (tasks: readonly TaskLike[]) =>
  tasks.some((t) => t.assignedToId !== null && t.state !== T.Canceled);
/**
 * Tasks whose work has started: an order with one is closed from Work in Progress, not cancelled.
 * Closed Incomplete counts — a task reaches it only from Work in Progress.
 */
const STARTED_TASK_STATES: readonly string[] = [T.WorkInProgress, T.ClosedComplete, T.ClosedIncomplete];

/**
 * Why the work order may not move to `to` with these tasks, or null (the move itself is legal:
 * REC-3's check comes first). Assigned, Accepted and Work in Progress need a task with an Assigned
 * to technician (a work order is assigned through its tasks); Closed Complete needs every task
 * closed and one of them completed (the work is done only when its tasks are); cancelling is
 * allowed with open tasks (the service cancels them with it) until work has started on one.
 */
function stateRefusal(to: string, tasks: readonly TaskLike[]): string | null {
  if (STAFFED_WORK_ORDER_STATES.includes(to) && !isStaffed(tasks))
    return `A work order in state ${to} needs a task with an Assigned to technician.`;
  // Cancelling takes the open tasks into Canceled, which a task in Work in Progress may not enter
  // (taskLifecycle): once work has started the order is closed from Work in Progress.
  const started = tasks.filter((t) => STARTED_TASK_STATES.includes(t.state));
  if (to === W.Canceled && started.length)
    return (
      `Work has started on ${started.map((t) => `${t.number} (${t.state})`).join(", ")}: ` +
      "move this work order to Work in Progress and close it, instead of cancelling it."
    );
  const open = tasks.filter((t) => isOpenTask(t.state));
  if (to === W.ClosedComplete && open.length)
    return `Close or cancel the open tasks first (${open.map((t) => t.number).join(", ")}).`;
  // The work is complete when a task of it was: with every task cancelled, nothing was done.
  if (to === W.ClosedComplete && !tasks.some((t) => t.state === T.ClosedComplete))
    return "No task of this work order was completed: close it as Closed Incomplete instead.";
  return null;
}

/**
 * The fields a work order state change sets: the move must be legal (REC-3) and allowed with these
 * tasks (stateRefusal); a closing state stamps closedAt.
 */
export function planWorkOrderState(
  current: { state: string },
  to: WorkOrderStateValue,
  tasks: readonly TaskLike[],
  now: Date,
): Record<string, unknown> {
  assertTransition(workOrderLifecycle, current.state, to);
  if (to === current.state) return {};
  const refusal = stateRefusal(to, tasks);
  if (refusal) throw invalid("state", refusal);
  return { state: to, closedAt: isOpenWorkOrder(to) ? null : now };
}

/**
 * The State select's offer (REC-3): the current state and the legal moves these tasks allow — the
 * page offers no move the save then refuses (Assigned with no technician on a task, Closed
 * Complete with a task open, Canceled once work has started).
 */
export function offeredWorkOrderStates(current: string, tasks: readonly TaskLike[]) {
  const legal = new Set<string>(selectableStates(workOrderLifecycle, current).map((s) => s.value));
  return workOrderStates.filter(
    (s) => legal.has(s.value) && (s.value === current || stateRefusal(s.value, tasks) === null),
  );
}

/**
 * The state an open task takes when its order is closed without it (FSM-3), or null when it stays:
 * a cancelled order cancels its open tasks; an order closed incomplete closes the task being worked
 * as Closed Incomplete and cancels the ones never started — each move one the task's own lifecycle
 * allows (a task reaches Closed Incomplete only from Work in Progress). Closed Complete takes no
 * task along: it is refused while one is open.
 */
export function taskStateOnOrderClose(order: string, task: string): TaskStateValue | null {
  if (!isOpenTask(task) || (order !== W.Canceled && order !== W.ClosedIncomplete)) return null;
  return order === W.ClosedIncomplete && task === T.WorkInProgress ? T.ClosedIncomplete : T.Canceled;
}

/**
 * A task edit must not take the last technician from an order in Assigned, Accepted or Work in Progress (the rule
 * planWorkOrderState checks when the order moves there): `edited` is the task as it will be saved.
 */
export function assertStillStaffed(orderState: string, tasks: readonly TaskLike[], edited: TaskLike) {
  if (!STAFFED_WORK_ORDER_STATES.includes(orderState)) return;
  // Only the edit that takes the last technician away: an order left without one before (data from
  // before this rule) still takes its other edits — a window, a technician.
  if (!isStaffed(tasks)) return;
  if (isStaffed(tasks.map((t) => (t.number === edited.number ? edited : t)))) return;
  throw invalid(
    edited.state === T.Canceled ? "state" : "assignedToId",
    `This work order is ${orderState} and needs a task with an Assigned to technician: ` +
      `keep ${edited.number}'s, or assign another task first.`,
  );
}

/** A task move: legal (REC-3), and Assigned or later needs an assigned technician. */
export function planTaskState(
  current: TaskLike,
  to: TaskStateValue,
  assignedToId: number | null,
): Record<string, unknown> {
  assertTransition(taskLifecycle, current.state, to);
  const needsAssignee: TaskStateValue[] = [T.Assigned, T.Accepted, T.WorkInProgress];
  if (needsAssignee.includes(to) && assignedToId === null)
    throw invalid("assignedToId", `A task in state ${to} needs an Assigned to technician.`);
  return to === current.state ? {} : { state: to };
}

/**
 * "Closing all tasks offers closing the work order": every task is closed, at least one completed,
 * and Closed Complete is a legal next state of the order (from Work in Progress).
 */
export function offersClosing(workOrderState: string, tasks: readonly { state: string }[]): boolean {
  return (
    legalNextStates(workOrderLifecycle, workOrderState).includes(W.ClosedComplete) &&
    tasks.some((t) => t.state === T.ClosedComplete) &&
    tasks.every((t) => !isOpenTask(t.state))
  );
}
