import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAgent, makeItil } from "@/lib/testing/fixtures";
import { fieldError, makeFieldCase, makeWorkOrder, newKey } from "@/lib/testing/work-orders";
import { getWorkOrderView } from "./read";
import { postWorkOrderJournal } from "./journal";
import { addTask, updateTask } from "./tasks";
import { updateWorkOrder } from "./update";

const at = (h: number) => new Date(Date.UTC(2026, 11, 1, h)).toISOString();

async function setup() {
  const [agent, itil] = await Promise.all([makeAgent(), makeItil()]);
  const f = await makeFieldCase(agent);
  return { agent, itil, wo: await makeWorkOrder(agent, f.c.number) };
}

const tasksOf = (workOrderId: number) =>
  db().workOrderTask.findMany({ where: { workOrderId }, orderBy: { id: "asc" } });

describe("work order tasks and appointments (FSM-3)", () => {
  it("FSM-3: an itil user adds a task with an appointment window and a technician (state Assigned)", async () => {
    const { itil, wo } = await setup();
    const { number } = await addTask(itil, wo.number, {
      shortDescription: "Replace the router",
      windowStart: at(9),
      windowEnd: at(11),
      assignedToId: String(itil.id),
    });
    const task = await db().workOrderTask.findUniqueOrThrow({ where: { number } });
    expect(task).toMatchObject({
      workOrderId: wo.id,
      state: "Assigned",
      assignedToId: itil.id,
      windowStart: new Date(at(9)),
      windowEnd: new Date(at(11)),
      priority: wo.priority,
      accountId: wo.accountId,
    });
  });

  it("FSM-3 / REL-2: Add task sent five times at once with one form key adds one task; the key on another order is refused", async () => {
    const { agent, itil, wo } = await setup();
    const requestKey = newKey();
    const before = (await tasksOf(wo.id)).length;
    const sent = await Promise.all(
      Array.from({ length: 5 }, () =>
        addTask(itil, wo.number, { shortDescription: "Bring a ladder", requestKey }),
      ),
    );
    expect(new Set(sent.map((r) => r.number)).size).toBe(1);
    expect(sent.filter((r) => r.created)).toHaveLength(1);
    expect(await tasksOf(wo.id)).toHaveLength(before + 1);
    const other = await makeWorkOrder(agent, (await makeFieldCase(agent)).c.number);
    expect(
      await fieldError(addTask(itil, other.number, { shortDescription: "x", requestKey })),
    ).toMatchObject({
      field: "requestKey",
    });
    // A new key is a new task.
    await addTask(itil, wo.number, { shortDescription: "Bring a ladder", requestKey: newKey() });
    expect(await tasksOf(wo.id)).toHaveLength(before + 2);
  });

  it("FSM-3 / REL-1: an end before the start, one end only, or an external technician is refused; nothing is written", async () => {
    const { itil, wo } = await setup();
    const before = await tasksOf(wo.id);
    const bad = [
      { shortDescription: "x", windowStart: at(11), windowEnd: at(9) },
      { shortDescription: "x", windowStart: at(11) },
      { shortDescription: "x", windowStart: "tomorrow", windowEnd: at(9) },
      { shortDescription: "x", assignedToId: String(wo.contactId) },
      { shortDescription: "" },
    ];
    const fields = [];
    for (const input of bad) fields.push((await fieldError(addTask(itil, wo.number, input))).field);
    expect(fields).toEqual(["windowEnd", "windowEnd", "windowStart", "assignedToId", "shortDescription"]);
    expect(await tasksOf(wo.id)).toEqual(before);
  });

  it("FSM-3: a task moves along its lifecycle; Assigned needs a technician; an edit keeps the window valid", async () => {
    const { itil, wo } = await setup();
    const [first] = await tasksOf(wo.id);
    expect((await fieldError(updateTask(itil, first.number, { version: 1, state: "Assigned" }))).field).toBe(
      "assignedToId",
    );
    await updateTask(itil, first.number, { version: 1, state: "Assigned", assignedToId: String(itil.id) });
    await updateTask(itil, first.number, { version: 2, windowStart: at(8), windowEnd: at(10) });
    const refused = await fieldError(updateTask(itil, first.number, { version: 3, windowStart: at(12) }));
    expect(refused).toMatchObject({ field: "windowEnd" });
    const illegal = await fieldError(
      updateTask(itil, first.number, { version: 3, state: "Closed Complete" }),
    );
    expect(illegal.message).toBe("A work order task cannot move from Assigned to Closed Complete.");
    expect(await db().workOrderTask.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      version: 3,
      state: "Assigned",
      windowStart: new Date(at(8)),
    });
  });

  it("FSM-3: closing all tasks offers closing the work order, and Closed Complete is refused while a task is open", async () => {
    const { itil, wo } = await setup();
    const [task] = await tasksOf(wo.id);
    const states = [
      "Awaiting Qualification",
      "Qualified",
      "Ready for Dispatch",
      "Assigned",
      "Accepted",
      "Work in Progress",
    ];
    for (const [i, state] of states.slice(0, 3).entries())
      await updateWorkOrder(itil, wo.number, { version: i + 1, state });
    // FSM-3: nobody has the work yet, so the order cannot be Assigned; a technician on its task can.
    const unstaffed = await fieldError(updateWorkOrder(itil, wo.number, { version: 4, state: "Assigned" }));
    expect(unstaffed).toMatchObject({
      field: "state",
      message: "A work order in state Assigned needs a task with an Assigned to technician.",
    });
    expect((await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } })).state).toBe(
      "Ready for Dispatch",
    );
    await updateTask(itil, task.number, { version: 1, assignedToId: String(itil.id) });
    for (const [i, state] of states.slice(3).entries())
      await updateWorkOrder(itil, wo.number, { version: i + 4, state });
    const refused = await fieldError(
      updateWorkOrder(itil, wo.number, { version: 7, state: "Closed Complete" }),
    );
    expect(refused.message).toBe(`Close or cancel the open tasks first (${task.number}).`);
    expect((await getWorkOrderView(itil, wo.number)).offersClosing).toBe(false);
    const steps = ["Assigned", "Accepted", "Work in Progress", "Closed Complete"];
    for (const [i, state] of steps.entries()) await updateTask(itil, task.number, { version: i + 2, state });
    expect((await getWorkOrderView(itil, wo.number)).offersClosing).toBe(true);
    await updateWorkOrder(itil, wo.number, { version: 7, state: "Closed Complete" });
    const closed = await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } });
    expect(closed.state).toBe("Closed Complete");
    expect(closed.closedAt).not.toBeNull();
    expect((await fieldError(addTask(itil, wo.number, { shortDescription: "late" }))).field).toBe("state");
  });

  it("FSM-3: cancelling a work order cancels its open tasks (audited)", async () => {
    const { itil, wo } = await setup();
    await addTask(itil, wo.number, { shortDescription: "second" });
    await updateWorkOrder(itil, wo.number, { version: 1, state: "Canceled" });
    const tasks = await tasksOf(wo.id);
    expect(tasks.map((t) => t.state)).toEqual(["Canceled", "Canceled"]);
    const audit = await db().auditEntry.findMany({
      where: { table: "wm_task", field: "state", recordId: { in: tasks.map((t) => t.id) } },
      orderBy: { recordId: "asc" },
    });
    // One row per task, by the person who cancelled the order (written in one statement).
    expect(
      audit.filter((a) => a.newValue === "Canceled").map((a) => [a.recordId, a.oldValue, a.userName]),
    ).toEqual(tasks.map((t) => [t.id, "Draft", itil.name]));
  });

  it("FSM-3: once a task is worked the order is not cancelled; its last technician is not taken away; nothing changes", async () => {
    const { itil, wo } = await setup();
    const [task] = await tasksOf(wo.id);
    await updateTask(itil, task.number, { version: 1, assignedToId: String(itil.id) });
    for (const [i, state] of ["Qualified", "Ready for Dispatch", "Assigned", "Accepted"].entries())
      await updateWorkOrder(itil, wo.number, { version: i + 1, state });
    // The order is Accepted: its only technician may not be cleared, nor its task cancelled.
    const cleared = await fieldError(updateTask(itil, task.number, { version: 2, assignedToId: "" }));
    expect(cleared).toMatchObject({ field: "assignedToId" });
    expect((await fieldError(updateTask(itil, task.number, { version: 2, state: "Canceled" }))).field).toBe(
      "state",
    );
    for (const [i, state] of ["Assigned", "Accepted", "Work in Progress"].entries())
      await updateTask(itil, task.number, { version: i + 2, state });
    const refused = await fieldError(updateWorkOrder(itil, wo.number, { version: 5, state: "Canceled" }));
    expect(refused).toMatchObject({
      field: "state",
      message: expect.stringContaining(`Work has started on ${task.number}`),
    });
    expect(await tasksOf(wo.id)).toMatchObject([{ state: "Work in Progress", assignedToId: itil.id }]);
    expect((await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } })).state).toBe("Accepted");
  });

  it("FSM-3: Closed Incomplete closes the task being worked as Closed Incomplete and cancels the unstarted; a closed order takes no work notes", async () => {
    const { itil, wo } = await setup();
    const [task] = await tasksOf(wo.id);
    await updateTask(itil, task.number, { version: 1, assignedToId: String(itil.id) });
    const spare = await addTask(itil, wo.number, { shortDescription: "Second visit", requestKey: newKey() });
    const states = ["Qualified", "Ready for Dispatch", "Assigned", "Accepted", "Work in Progress"];
    for (const [i, state] of states.entries())
      await updateWorkOrder(itil, wo.number, { version: i + 1, state });
    for (const [i, state] of ["Assigned", "Accepted", "Work in Progress"].entries())
      await updateTask(itil, task.number, { version: i + 2, state });
    await updateWorkOrder(itil, wo.number, { version: 6, state: "Closed Incomplete" });
    // Each task moves as its own lifecycle allows: the worked one to Closed Incomplete, the one never
    // started (Draft) to Canceled — it never reached Work in Progress, so it is not "incomplete work".
    const closed = await tasksOf(wo.id);
    expect(closed.map((t) => [t.number, t.state, t.version])).toEqual([
      [task.number, "Closed Incomplete", 6],
      [spare.number, "Canceled", 2],
    ]);
    const audit = await db().auditEntry.findMany({
      where: { table: "wm_task", recordId: { in: closed.map((t) => t.id) }, field: "state" },
      orderBy: { id: "asc" },
    });
    expect(audit.slice(-2).map((a) => [a.recordId, a.oldValue, a.newValue])).toEqual([
      [closed[0].id, "Work in Progress", "Closed Incomplete"],
      [closed[1].id, "Draft", "Canceled"],
    ]);
    expect((await fieldError(updateTask(itil, task.number, { version: 6, state: "Draft" }))).field).toBe(
      "state",
    );
    const refused = await fieldError(postWorkOrderJournal(itil, wo.number, { workNotes: "late note" }));
    expect(refused).toMatchObject({ kind: "invalid", field: "workNotes" });
    expect((await getWorkOrderView(itil, wo.number)).permissions).toEqual({
      write: false,
      journal: false,
      schedule: false,
    });
  });

  it("FSM-5: an agent reads the work order and may schedule its tasks, but cannot add tasks", async () => {
    const { agent, wo } = await setup();
    const view = await getWorkOrderView(agent, wo.number);
    expect(view.permissions).toEqual({ write: false, journal: true, schedule: true });
    expect((await fieldError(addTask(agent, wo.number, { shortDescription: "x" }))).kind).toBe("forbidden");
  });
});
