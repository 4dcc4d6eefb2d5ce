// FSM-5: agents and managers add, change and cancel task appointment windows and add work notes on
// every work order of their cases; the rest of the work order stays the ITIL fulfillers'.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAgent, makeItil, makeUser } from "@/lib/testing/fixtures";
import { fieldError, makeFieldCase, makeWorkOrder } from "@/lib/testing/work-orders";
import { postWorkOrderJournal } from "./journal";
import { getWorkOrderView } from "./read";
import { addTask, updateTask } from "./tasks";
import { updateWorkOrder } from "./update";

const at = (h: number) => new Date(Date.UTC(2026, 11, 2, h)).toISOString();
/** A customer service manager who is not also a fulfiller (the demo manager also holds itil). */
const makeCsManager = () => makeUser([ROLE.manager]);

async function setup() {
  const [agent, itil] = await Promise.all([makeAgent(), makeItil()]);
  const f = await makeFieldCase(agent);
  const wo = await makeWorkOrder(agent, f.c.number);
  const task = await db().workOrderTask.findFirstOrThrow({ where: { workOrderId: wo.id } });
  return { agent, itil, wo, task };
}

const taskOf = (id: number) => db().workOrderTask.findUniqueOrThrow({ where: { id } });

describe("agents and managers schedule work order tasks (FSM-5)", () => {
  it("FSM-5: an agent sets, a manager moves and the agent cancels a task's appointment window, each audited as themselves", async () => {
    const { agent, wo, task } = await setup();
    const manager = await makeCsManager();
    await updateTask(agent, task.number, { version: 1, windowStart: at(9), windowEnd: at(11) });
    expect(await taskOf(task.id)).toMatchObject({
      version: 2,
      windowStart: new Date(at(9)),
      windowEnd: new Date(at(11)),
      state: task.state,
    });
    await updateTask(manager, task.number, { version: 2, windowStart: at(13), windowEnd: at(15) });
    expect(await taskOf(task.id)).toMatchObject({ version: 3, windowStart: new Date(at(13)) });
    // Cancel: both ends cleared, as the form's Cancel appointment sends them.
    await updateTask(agent, task.number, { version: 3, windowStart: "", windowEnd: "" });
    expect(await taskOf(task.id)).toMatchObject({ version: 4, windowStart: null, windowEnd: null });
    const audit = await db().auditEntry.findMany({
      where: { table: TABLE.workOrderTask, recordId: task.id, field: "windowStart" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.userId)).toEqual([agent.id, manager.id, agent.id]);
    expect(audit.at(-1)?.newValue ?? null).toBeNull();
    // The order's page shows the change (its Updated time moves, REC-6).
    const order = await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } });
    expect(order.updatedAt.getTime()).toBeGreaterThan(wo.updatedAt.getTime());
  });

  it("FSM-5: a window ending before it starts is refused naming the field, for an agent as for a fulfiller", async () => {
    const { agent, task } = await setup();
    const refused = await fieldError(
      updateTask(agent, task.number, { version: 1, windowStart: at(11), windowEnd: at(9) }),
    );
    expect(refused).toMatchObject({ kind: "invalid", field: "windowEnd" });
    expect(await taskOf(task.id)).toMatchObject({ version: 1, windowStart: null });
  });

  it("FSM-5: the rest stays the fulfillers' — an agent's state, technician or description change is refused by name and nothing is written", async () => {
    const { agent, itil, wo, task } = await setup();
    const edits = [
      { version: 1, state: "Assigned", assignedToId: String(itil.id) },
      { version: 1, windowStart: at(9), windowEnd: at(11), shortDescription: "Renamed" },
    ];
    const messages = [];
    for (const edit of edits) {
      const refused = await fieldError(updateTask(agent, task.number, edit));
      expect(refused.kind).toBe("forbidden");
      messages.push(refused.message);
    }
    expect(messages).toEqual([
      "Agents and managers may change only a task's appointment window; " +
        "State and Assigned to stay with the ITIL fulfillers.",
      "Agents and managers may change only a task's appointment window; " +
        "Short description stays with the ITIL fulfillers.",
    ]);
    expect(await taskOf(task.id)).toEqual(task);
    expect((await fieldError(addTask(agent, wo.number, { shortDescription: "x" }))).kind).toBe("forbidden");
    expect(
      (await fieldError(updateWorkOrder(agent, wo.number, { version: 1, shortDescription: "x" }))).kind,
    ).toBe("forbidden");
    expect(await db().workOrderTask.count({ where: { workOrderId: wo.id } })).toBe(1);
  });

  it("FSM-5: agents and managers add work notes to the work order; a case reader without those roles may not", async () => {
    const { agent, wo } = await setup();
    const manager = await makeCsManager();
    await postWorkOrderJournal(agent, wo.number, { workNotes: "Customer prefers mornings" });
    await postWorkOrderJournal(manager, wo.number, { workNotes: "Approved the visit" });
    const reader = await makeUser([ROLE.incidentRead]);
    expect((await getWorkOrderView(reader, wo.number)).permissions).toEqual({
      write: false,
      journal: false,
      schedule: false,
    });
    expect((await fieldError(postWorkOrderJournal(reader, wo.number, { workNotes: "no" }))).kind).toBe(
      "forbidden",
    );
    const task = await db().workOrderTask.findFirstOrThrow({ where: { workOrderId: wo.id } });
    expect(
      (
        await fieldError(
          updateTask(reader, task.number, { version: 1, windowStart: at(9), windowEnd: at(10) }),
        )
      ).kind,
    ).toBe("forbidden");
    const notes = await db().journalEntry.findMany({
      where: { table: TABLE.workOrder, recordId: wo.id, kind: "work_notes" },
      orderBy: { id: "asc" },
    });
    // After the work order's own "Created from case …" note.
    expect(notes.slice(1).map((n) => [n.authorId, n.body])).toEqual([
      [agent.id, "Customer prefers mornings"],
      [manager.id, "Approved the visit"],
    ]);
  });

  it("FSM-5: the page offers agents the windows and work notes of an open work order, and nothing once it is closed", async () => {
    const { agent, itil, wo } = await setup();
    expect((await getWorkOrderView(agent, wo.number)).permissions).toEqual({
      write: false,
      journal: true,
      schedule: true,
    });
    expect((await getWorkOrderView(itil, wo.number)).permissions).toEqual({
      write: true,
      journal: true,
      schedule: true,
    });
    await updateWorkOrder(itil, wo.number, { version: 1, state: "Canceled" });
    expect((await getWorkOrderView(agent, wo.number)).permissions).toEqual({
      write: false,
      journal: false,
      schedule: false,
    });
    const task = await db().workOrderTask.findFirstOrThrow({ where: { workOrderId: wo.id } });
    const refused = await fieldError(
      updateTask(agent, task.number, { version: task.version, windowStart: at(9), windowEnd: at(10) }),
    );
    expect(refused).toMatchObject({ kind: "invalid", field: "state" });
  });
});
