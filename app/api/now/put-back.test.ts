// API-2: "read-only fields are ignored, so a client may PUT back a record it read" — a work order
// task read through the API carries `parent` and `description`, which the task form does not change:
// as they were read they are no change; another value is still the 400 naming the field.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { addTask } from "@/lib/server/work-orders/tasks";
import { updateWorkOrder } from "@/lib/server/work-orders/update";
import { api, errorMessage, record } from "@/lib/testing/api";
import { makeAgent, makeItil, makeUser } from "@/lib/testing/fixtures";
import { makeFieldCase, makeWorkOrder } from "@/lib/testing/work-orders";

describe("PUT back a record read (API-2)", () => {
  it("API-2: a wm_task read and PUT back unchanged is a 200; a changed parent is a 400 naming it", async () => {
    const agent = await makeAgent();
    const { c } = await makeFieldCase(agent);
    const order = await makeWorkOrder(agent, c.number);
    const other = await makeWorkOrder(agent, (await makeFieldCase(agent)).c.number);
    const itil = await makeItil();
    const { number } = await addTask(itil, order.number, {
      shortDescription: "Swap the router",
      description: "Bring a spare",
    });
    const task = await db().workOrderTask.findUniqueOrThrow({ where: { number } });
    const path = `/api/now/table/wm_task/${sysIdOf("wm_task", task.id)}`;
    const read = await api("GET", path, { as: itil });
    expect(read.status).toBe(200);
    const body = { ...record(read), short_description: "Swap the router today" };
    const put = await api("PUT", path, { as: itil, body });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    expect((await db().workOrderTask.findUniqueOrThrow({ where: { id: task.id } })).shortDescription).toBe(
      "Swap the router today",
    );
    const again = record(await api("GET", path, { as: itil }));
    const moved = await api("PUT", path, {
      as: itil,
      body: { ...again, parent: sysIdOf("wm_order", other.id) },
    });
    expect(moved.status, JSON.stringify(moved.json)).toBe(400);
    expect(errorMessage(moved)).toMatch(/"parent"/);
    expect((await db().workOrderTask.findUniqueOrThrow({ where: { id: task.id } })).workOrderId).toBe(
      order.id,
    );
  });

  it("API-2: an incident's caller_id and company, written on create, are no change PUT back and a 400 changed — never a 200 that saved nothing", async () => {
    const itil = await makeItil();
    const made = await api("POST", "/api/now/table/incident", {
      as: itil,
      body: { short_description: "Mail relay down", caller_id: sysIdOf("sys_user", itil.id) },
    });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    const path = `/api/now/table/incident/${String(record(made).sys_id)}`;
    const read = record(await api("GET", path, { as: itil }));
    const put = await api("PUT", path, {
      as: itil,
      body: { ...read, short_description: "Mail relay down again" },
    });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    const someone = await makeUser([]);
    const moved = await api("PATCH", path, {
      as: itil,
      body: { caller_id: sysIdOf("sys_user", someone.id) },
    });
    expect(moved.status, JSON.stringify(moved.json)).toBe(400);
    expect(errorMessage(moved)).toMatch(/"caller_id"/);
    const stored = await db().incident.findFirstOrThrow({
      where: { shortDescription: "Mail relay down again" },
    });
    expect(stored.callerId).toBe(itil.id);
  });

  it("API-2 / FSM-5: an agent PUTs back a wm_task with a new window and a wm_order with a work note; other changes stay refused", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const order = await makeWorkOrder(agent, (await makeFieldCase(agent)).c.number);
    const [task] = await db().workOrderTask.findMany({ where: { workOrderId: order.id } });
    const taskPath = `/api/now/table/wm_task/${sysIdOf("wm_task", task.id)}`;
    const readTask = record(await api("GET", taskPath, { as: agent }));
    const window = { window_start: "2026-12-01 09:00:00", window_end: "2026-12-01 11:00:00" };
    const put = await api("PUT", taskPath, { as: agent, body: { ...readTask, ...window } });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    const saved = await db().workOrderTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(saved.windowStart?.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    const renamed = await api("PUT", taskPath, {
      as: agent,
      body: { ...record(await api("GET", taskPath, { as: agent })), short_description: "Mine now" },
    });
    expect(renamed.status).toBe(403);

    await updateWorkOrder(itil, order.number, { version: order.version, state: "Qualified" });
    const orderPath = `/api/now/table/wm_order/${sysIdOf("wm_order", order.id)}`;
    const readOrder = record(await api("GET", orderPath, { as: agent }));
    const noted = await api("PUT", orderPath, {
      as: agent,
      body: { ...readOrder, work_notes: "Customer called" },
    });
    expect(noted.status, JSON.stringify(noted.json)).toBe(200);
    const notes = await db().journalEntry.count({
      where: { table: "wm_order", recordId: order.id, body: "Customer called" },
    });
    expect(notes).toBe(1);
    const moved = await api("PUT", orderPath, {
      as: agent,
      body: { ...record(await api("GET", orderPath, { as: agent })), state: "Ready for Dispatch" },
    });
    expect(moved.status).toBe(403);
    expect((await db().workOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe("Qualified");
  });
});
