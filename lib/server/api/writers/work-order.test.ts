// API-2 for wm_order and wm_task: the work order and task forms' services through the API.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { TABLE } from "@/lib/domain/records/tables";
import { api, errorMessage, record } from "@/lib/testing/api";
import { makeAgent, makeCustomer, makeItil } from "@/lib/testing/fixtures";
import { makeFieldCase, makeWorkOrder } from "@/lib/testing/work-orders";

async function setup() {
  const [agent, itil] = await Promise.all([makeAgent(), makeItil()]);
  const f = await makeFieldCase(agent);
  const wo = await makeWorkOrder(agent, f.c.number);
  return { agent, itil, f, wo, path: `/api/now/table/wm_order/${sysIdOf("wm_order", wo.id)}` };
}

describe("Table API writes: wm_order (API-2, FSM-2, FSM-3)", () => {
  it("API-2, FSM-2: a PATCH setting account and contact also sets company and caller", async () => {
    const { itil, path } = await setup();
    const other = await makeCustomer();
    const res = await api("PATCH", path, {
      as: itil,
      body: {
        account: sysIdOf("customer_account", other.account.id),
        contact: sysIdOf("customer_contact", other.contact.id),
        asset: "", // the asset and the partner are the old account's
        partner: "",
        partner_contact: "",
        state: "Awaiting Qualification",
      },
    });
    expect(res.status).toBe(200);
    expect(record(res)).toMatchObject({
      company: sysIdOf("customer_account", other.account.id),
      caller: sysIdOf("sys_user", other.contact.id),
      state: "Awaiting Qualification",
      asset: "",
    });
  });

  it("API-2, FSM-2: company or caller written apart from account and contact is a 400 naming it; nothing changes", async () => {
    const { itil, wo, path } = await setup();
    const other = await makeCustomer();
    for (const [field, body] of [
      ["company", { company: sysIdOf("customer_account", other.account.id) }],
      ["caller", { caller: sysIdOf("sys_user", other.contact.id) }],
      [
        "company",
        {
          account: sysIdOf("customer_account", wo.accountId!),
          company: sysIdOf("customer_account", other.account.id),
        },
      ],
    ] as const) {
      const res = await api("PATCH", path, { as: itil, body });
      expect(res.status, field).toBe(400);
      expect(errorMessage(res)).toMatch(
        field === "company" ? /Company follows Account/ : /Caller follows Contact/,
      );
    }
    expect(await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } })).toMatchObject({
      companyId: wo.companyId,
      callerId: wo.callerId,
      version: wo.version,
    });
    // Saying the same as the record (a client echoing what it read) is no change and no error.
    const same = await api("PATCH", path, {
      as: itil,
      body: {
        company: sysIdOf("customer_account", wo.companyId!),
        caller: sysIdOf("sys_user", wo.callerId!),
      },
    });
    expect(same.status).toBe(200);
  });

  it("API-2, REC-3: an illegal state is a 400 and changes nothing; work_notes append an entry", async () => {
    const { itil, wo, path } = await setup();
    const bad = await api("PATCH", path, {
      as: itil,
      body: { state: "Closed Complete", short_description: "x" },
    });
    expect(bad.status).toBe(400);
    expect(await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } })).toMatchObject({
      state: wo.state,
      shortDescription: wo.shortDescription,
      version: wo.version,
    });
    const note = await api("PATCH", path, { as: itil, body: { work_notes: "Truck booked" } });
    expect(note.status).toBe(200);
    const notes = await db().journalEntry.findMany({
      where: { table: TABLE.workOrder, recordId: wo.id, authorName: itil.name },
    });
    expect(notes.map((n) => [n.kind, n.body])).toEqual([["work_notes", "Truck booked"]]);
    // FSM-3: additional comments are not offered on a work order.
    expect((await api("PATCH", path, { as: itil, body: { comments: "hi" } })).status).toBe(400);
  });

  it("API-2, FSM-1: POST wm_order is refused (403): a work order is created from its case", async () => {
    const { agent, f } = await setup();
    const res = await api("POST", "/api/now/table/wm_order", {
      as: agent,
      body: { initiated_from: sysIdOf("sn_customerservice_case", f.c.id) },
    });
    expect(res.status).toBe(403);
    expect(errorMessage(res)).toContain("Create Work Order");
  });
});

describe("Table API writes: wm_task (API-2, FSM-3)", () => {
  it("API-2, FSM-3: POST with parent adds a task (Assigned when it names a technician)", async () => {
    const { itil, wo } = await setup();
    const parent = sysIdOf("wm_order", wo.id);
    const res = await api("POST", "/api/now/table/wm_task", {
      as: itil,
      body: {
        parent,
        short_description: "Replace the PSU",
        assigned_to: sysIdOf("sys_user", itil.id),
        window_start: "2030-03-01 08:00:00",
        window_end: "2030-03-01 12:00:00",
      },
    });
    expect(res.status).toBe(201);
    expect(record(res)).toMatchObject({ parent, state: "Assigned", window_end: "2030-03-01 12:00:00" });
    const draft = await api("POST", "/api/now/table/wm_task", {
      as: itil,
      body: { parent, short_description: "Survey" },
    });
    expect(record(draft).state).toBe("Draft");
    const noParent = await api("POST", "/api/now/table/wm_task", {
      as: itil,
      body: { short_description: "x" },
    });
    expect(noParent.status).toBe(400);
    expect(errorMessage(noParent)).toContain("parent");
    const withState = await api("POST", "/api/now/table/wm_task", {
      as: itil,
      body: { parent, short_description: "x", state: "Accepted" },
    });
    expect(withState.status).toBe(400);
    expect(errorMessage(withState)).toContain('"state"');
  });

  it("API-2, FSM-3, REC-3: PATCH a task along its lifecycle; a window ending first, a new parent, an illegal move: 400", async () => {
    const { itil, wo } = await setup();
    const task = await db().workOrderTask.findFirstOrThrow({ where: { workOrderId: wo.id } });
    const path = `/api/now/table/wm_task/${sysIdOf("wm_task", task.id)}`;
    const window = { window_start: "2030-03-01 12:00:00", window_end: "2030-03-01 08:00:00" };
    expect((await api("PATCH", path, { as: itil, body: window })).status).toBe(400);
    const agent = await makeAgent();
    const other = await makeWorkOrder(agent, (await makeFieldCase(agent)).c.number);
    const moved = await api("PATCH", path, { as: itil, body: { parent: sysIdOf("wm_order", other.id) } });
    expect(moved.status).toBe(400);
    expect(errorMessage(moved)).toContain('"parent"');
    expect((await api("PATCH", path, { as: itil, body: { state: "Closed Complete" } })).status).toBe(400);
    const assigned = await api("PATCH", path, {
      as: itil,
      body: { assigned_to: sysIdOf("sys_user", itil.id), state: "Assigned" },
    });
    expect(assigned.status).toBe(200);
    expect(record(assigned)).toMatchObject({ state: "Assigned", assigned_to: sysIdOf("sys_user", itil.id) });
    expect((await db().workOrderTask.findUniqueOrThrow({ where: { id: task.id } })).version).toBe(
      task.version + 1,
    );
  });
});

describe("Table API writes by agents (API-2, FSM-5)", () => {
  it("API-2, FSM-5: an agent PATCHes a task's window and posts work notes; a state, a work order field: 403, nothing written", async () => {
    const { agent, wo, path } = await setup();
    const task = await db().workOrderTask.findFirstOrThrow({ where: { workOrderId: wo.id } });
    const taskPath = `/api/now/table/wm_task/${sysIdOf("wm_task", task.id)}`;
    const window = { window_start: "2030-04-01 08:00:00", window_end: "2030-04-01 10:00:00" };
    const set = await api("PATCH", taskPath, { as: agent, body: window });
    expect(set.status).toBe(200);
    expect(record(set)).toMatchObject(window);
    const cleared = await api("PATCH", taskPath, { as: agent, body: { window_start: "", window_end: "" } });
    expect(record(cleared)).toMatchObject({ window_start: "", window_end: "" });
    const state = await api("PATCH", taskPath, { as: agent, body: { ...window, state: "Canceled" } });
    expect(state.status).toBe(403);
    expect(errorMessage(state)).toContain("State stays with the ITIL fulfillers");
    expect(await db().workOrderTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      state: task.state,
      windowStart: null,
      version: task.version + 2,
    });
    expect((await api("PATCH", path, { as: agent, body: { work_notes: "Booked" } })).status).toBe(200);
    const both = await api("PATCH", path, {
      as: agent,
      body: { work_notes: "Renamed", short_description: "x" },
    });
    expect(both.status).toBe(403);
    expect(errorMessage(both)).toContain("Short description stays with the ITIL fulfillers");
    const notes = await db().journalEntry.findMany({
      where: { table: TABLE.workOrder, recordId: wo.id, authorId: agent.id, kind: "work_notes" },
    });
    expect(notes.map((n) => n.body).filter((b) => !b.startsWith("Created from"))).toEqual(["Booked"]);
    expect((await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } })).shortDescription).toBe(
      wo.shortDescription,
    );
  });
});
