import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { TaskState as T, WorkOrderState as W } from "../records/choices";
import { legalNextStates } from "../records/state-machine";
import {
  assertStillStaffed,
  offeredWorkOrderStates,
  offersClosing,
  planTaskState,
  planWorkOrderState,
  taskLifecycle,
  workOrderLifecycle,
} from "./lifecycle";

const now = new Date("2026-11-22T10:00:00Z");
const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError
      ? { field: e.field, message: e.message }
      : { field: "?", message: String(e) };
  }
  return null;
};

describe("work order lifecycle (FSM-3, REC-3)", () => {
  it("FSM-3: the lifecycle table walks Draft → … → Closed Complete and every §1 state is a state", () => {
    expect(workOrderLifecycle.states.map((s) => s.value)).toEqual(Object.values(W));
    const path = [
      W.Draft,
      W.AwaitingQualification,
      W.Qualified,
      W.ReadyForDispatch,
      W.Assigned,
      W.Accepted,
      W.WorkInProgress,
      W.ClosedComplete,
    ];
    for (let i = 1; i < path.length; i++)
      expect(legalNextStates(workOrderLifecycle, path[i - 1])).toContain(path[i]);
    for (const s of [W.ClosedComplete, W.ClosedIncomplete, W.Canceled])
      expect(legalNextStates(workOrderLifecycle, s)).toEqual([]);
  });

  it("REC-3 / FSM-3: an illegal move is refused naming the state field (Draft → Work in Progress, Closed → Draft)", () => {
    expect(fieldOf(() => planWorkOrderState({ state: W.Draft }, W.WorkInProgress, [], now))).toMatchObject({
      field: "state",
      message: "A work order cannot move from Draft to Work in Progress.",
    });
    expect(
      fieldOf(() => planWorkOrderState({ state: W.ClosedComplete }, W.Draft, [], now))?.message,
    ).toContain("A Closed Complete work order cannot be changed.");
  });

  it("FSM-3: Closed Complete needs every task closed; closing stamps closedAt, reopening states clear nothing", () => {
    const open = [{ number: "WOT1", state: T.Assigned, assignedToId: 1 }];
    expect(
      fieldOf(() => planWorkOrderState({ state: W.WorkInProgress }, W.ClosedComplete, open, now)),
    ).toEqual({
      field: "state",
      message: "Close or cancel the open tasks first (WOT1).",
    });
    const closed = [{ number: "WOT1", state: T.ClosedComplete, assignedToId: 1 }];
    expect(planWorkOrderState({ state: W.WorkInProgress }, W.ClosedComplete, closed, now)).toEqual({
      state: W.ClosedComplete,
      closedAt: now,
    });
    expect(planWorkOrderState({ state: W.Draft }, W.Canceled, open, now)).toEqual({
      state: W.Canceled,
      closedAt: now,
    });
    expect(planWorkOrderState({ state: W.Draft }, W.Draft, [], now)).toEqual({});
  });

  it("FSM-3: with every task cancelled, nothing was done — Closed Complete is refused, Closed Incomplete is the way", () => {
    const cancelled = [{ number: "WOT1", state: T.Canceled, assignedToId: 1 }];
    expect(
      fieldOf(() => planWorkOrderState({ state: W.WorkInProgress }, W.ClosedComplete, cancelled, now)),
    ).toEqual({
      field: "state",
      message: "No task of this work order was completed: close it as Closed Incomplete instead.",
    });
    expect(planWorkOrderState({ state: W.WorkInProgress }, W.ClosedIncomplete, cancelled, now)).toMatchObject(
      {
        state: W.ClosedIncomplete,
      },
    );
  });

  it("FSM-3: Assigned, Accepted and Work in Progress need a task with a technician (a canceled one does not count)", () => {
    const unassigned = { number: "WOT1", state: T.Draft, assignedToId: null };
    for (const [from, to] of [
      [W.ReadyForDispatch, W.Assigned],
      [W.Assigned, W.Accepted],
      [W.Accepted, W.WorkInProgress],
    ] as const) {
      expect(fieldOf(() => planWorkOrderState({ state: from }, to, [unassigned], now))).toEqual({
        field: "state",
        message: `A work order in state ${to} needs a task with an Assigned to technician.`,
      });
      const canceled = { number: "WOT2", state: T.Canceled, assignedToId: 7 };
      expect(fieldOf(() => planWorkOrderState({ state: from }, to, [unassigned, canceled], now))?.field).toBe(
        "state",
      );
      const staffed = { number: "WOT3", state: T.PendingDispatch, assignedToId: 7 };
      expect(planWorkOrderState({ state: from }, to, [unassigned, staffed], now)).toEqual({
        state: to,
        closedAt: null,
      });
    }
    // The technician finished before the order moved on: the order may still reach Work in Progress.
    const done = { number: "WOT4", state: T.ClosedComplete, assignedToId: 7 };
    expect(planWorkOrderState({ state: W.Accepted }, W.WorkInProgress, [done], now)).toEqual({
      state: W.WorkInProgress,
      closedAt: null,
    });
    // Moving back to Ready for Dispatch, or cancelling, needs nobody.
    expect(planWorkOrderState({ state: W.Assigned }, W.ReadyForDispatch, [unassigned], now)).toMatchObject({
      state: W.ReadyForDispatch,
    });
  });

  it("FSM-3: cancelling is refused once work has started on a task (Work in Progress or Closed Complete)", () => {
    const waiting = { number: "WOT1", state: T.Accepted, assignedToId: 7 };
    expect(planWorkOrderState({ state: W.Accepted }, W.Canceled, [waiting], now)).toMatchObject({
      state: W.Canceled,
    });
    for (const state of [T.WorkInProgress, T.ClosedComplete]) {
      const started = { number: "WOT2", state, assignedToId: 7 };
      expect(
        fieldOf(() => planWorkOrderState({ state: W.Accepted }, W.Canceled, [waiting, started], now)),
      ).toEqual({
        field: "state",
        message:
          `Work has started on WOT2 (${state}): ` +
          "move this work order to Work in Progress and close it, instead of cancelling it.",
      });
    }
    // The State select stops offering it (REC-3: offer only what works).
    const offered = (tasks: { number: string; state: string; assignedToId: number | null }[]) =>
      offeredWorkOrderStates(W.Accepted, tasks).map((s) => s.value);
    expect(offered([waiting])).toEqual([W.Assigned, W.Accepted, W.WorkInProgress, W.Canceled]);
    expect(offered([waiting, { number: "WOT2", state: T.WorkInProgress, assignedToId: 7 }])).toEqual([
      W.Assigned,
      W.Accepted,
      W.WorkInProgress,
    ]);
    // A task closed incomplete was worked (it gets there from Work in Progress); a cancelled one was not.
    const gaveUp = { number: "WOT3", state: T.ClosedIncomplete, assignedToId: 7 };
    expect(
      fieldOf(() => planWorkOrderState({ state: W.Accepted }, W.Canceled, [waiting, gaveUp], now))?.field,
    ).toBe("state");
    const dropped = { number: "WOT4", state: T.Canceled, assignedToId: 7 };
    expect(planWorkOrderState({ state: W.Accepted }, W.Canceled, [waiting, dropped], now)).toMatchObject({
      state: W.Canceled,
    });
  });

  it("FSM-3 / REC-3: the State select offers only the moves these tasks allow", () => {
    const task = (state: string, assignedToId: number | null = 7) => ({
      number: "WOT1",
      state,
      assignedToId,
    });
    const offered = (from: string, tasks: ReturnType<typeof task>[]) =>
      offeredWorkOrderStates(from, tasks).map((s) => s.value);
    // Ready for Dispatch with no technician on a task: Assigned would be refused, so it is not offered.
    expect(offered(W.ReadyForDispatch, [task(T.Draft, null)])).toEqual([W.ReadyForDispatch, W.Canceled]);
    expect(offered(W.ReadyForDispatch, [task(T.Assigned)])).toEqual([
      W.ReadyForDispatch,
      W.Assigned,
      W.Canceled,
    ]);
    // Work in Progress with a task open: only Closed Incomplete closes it (the service takes the task along).
    expect(offered(W.WorkInProgress, [task(T.WorkInProgress)])).toEqual([
      W.WorkInProgress,
      W.ClosedIncomplete,
    ]);
    // Every task closed but none completed: Closed Complete is refused, so it is not offered.
    expect(offered(W.WorkInProgress, [task(T.ClosedIncomplete)])).toEqual([
      W.WorkInProgress,
      W.ClosedIncomplete,
    ]);
    expect(offered(W.WorkInProgress, [task(T.ClosedComplete)])).toEqual([
      W.WorkInProgress,
      W.ClosedComplete,
      W.ClosedIncomplete,
    ]);
    // What is offered is what the save takes: every offered move plans without a refusal.
    for (const from of [W.ReadyForDispatch, W.Assigned, W.WorkInProgress])
      for (const tasks of [[task(T.Draft, null)], [task(T.WorkInProgress)], [task(T.ClosedComplete)]])
        for (const to of offeredWorkOrderStates(from, tasks))
          expect(() => planWorkOrderState({ state: from }, to.value, tasks, now)).not.toThrow();
  });

  it("FSM-3: a task edit may not leave an Assigned, Accepted or Work in Progress order without a technician", () => {
    const mine = { number: "WOT1", state: T.Assigned, assignedToId: 7 };
    const other = { number: "WOT2", state: T.Draft, assignedToId: null };
    const cancelled = { ...mine, state: T.Canceled };
    const cleared = { ...mine, state: T.PendingDispatch, assignedToId: null };
    for (const order of [W.Assigned, W.Accepted, W.WorkInProgress]) {
      expect(fieldOf(() => assertStillStaffed(order, [mine, other], cancelled))?.field).toBe("state");
      expect(fieldOf(() => assertStillStaffed(order, [mine, other], cleared))).toEqual({
        field: "assignedToId",
        message:
          `This work order is ${order} and needs a task with an Assigned to technician: ` +
          "keep WOT1's, or assign another task first.",
      });
      // Another task has a technician, or the technician only changes: the edit is fine.
      expect(() => assertStillStaffed(order, [mine, { ...other, assignedToId: 8 }], cancelled)).not.toThrow();
      expect(() => assertStillStaffed(order, [mine], { ...mine, assignedToId: 8 })).not.toThrow();
    }
    // Before dispatch an order needs nobody; one already without a technician still takes edits.
    expect(() => assertStillStaffed(W.ReadyForDispatch, [mine], cleared)).not.toThrow();
    const unstaffed = { ...mine, state: T.PendingDispatch, assignedToId: null };
    expect(() =>
      assertStillStaffed(W.Accepted, [unstaffed], { ...unstaffed, state: T.Canceled }),
    ).not.toThrow();
  });

  it("FSM-3: a task in Assigned or later needs a technician; its lifecycle ends in closed states", () => {
    const task = { number: "WOT1", state: T.Draft, assignedToId: null };
    expect(fieldOf(() => planTaskState(task, T.Assigned, null))?.field).toBe("assignedToId");
    expect(planTaskState(task, T.Assigned, 7)).toEqual({ state: T.Assigned });
    expect(fieldOf(() => planTaskState(task, T.ClosedComplete, 7))?.field).toBe("state");
    for (const s of [T.ClosedComplete, T.ClosedIncomplete, T.Canceled])
      expect(legalNextStates(taskLifecycle, s)).toEqual([]);
  });

  it("FSM-3: closing all tasks offers closing the work order (only where Closed Complete is a legal move)", () => {
    const done = [{ state: T.ClosedComplete }, { state: T.Canceled }];
    expect(offersClosing(W.WorkInProgress, done)).toBe(true);
    expect(offersClosing(W.WorkInProgress, [...done, { state: T.Accepted }])).toBe(false);
    expect(offersClosing(W.WorkInProgress, [{ state: T.Canceled }])).toBe(false);
    expect(offersClosing(W.WorkInProgress, [])).toBe(false);
    expect(offersClosing(W.Assigned, done)).toBe(false);
  });
});
