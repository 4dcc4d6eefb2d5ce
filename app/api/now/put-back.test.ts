// API-2: "read-only fields are ignored, so a client may PUT back a record it read" — a work order
// task read through the API carries `parent` and `description`, which the task form does not change:
// as they were read they are no change; another value is still the 400 naming the field.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { addTask } from "@/lib/server/work-orders/tasks";
import { api, errorMessage, record } from "@/lib/testing/api";
import { makeAgent, makeItil } from "@/lib/testing/fixtures";
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
});
