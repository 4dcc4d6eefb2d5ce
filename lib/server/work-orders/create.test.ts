import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MENU_ITEM } from "@/lib/domain/cases/menu";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAdmin, makeAgent, makeCase, makeItil, resolveCase } from "@/lib/testing/fixtures";
import { fieldError, makeFieldCase, newKey, setPlugin } from "@/lib/testing/work-orders";
import { getCaseView } from "../cases/view";
import { listFieldMaps, updateFieldMapRow } from "../field-maps/admin";
import { createWorkOrderFromCase } from "./create";

describe("Create Work Order (FSM-1, FSM-2)", () => {
  it("FSM-1 / FSM-2: the default map fills the work order, Company and Caller follow, one task carries the case", async () => {
    const agent = await makeAgent();
    const f = await makeFieldCase(agent);
    const { number, created } = await createWorkOrderFromCase(agent, f.c.number, newKey());
    expect(created).toBe(true);
    const wo = await db().workOrder.findUniqueOrThrow({ where: { number }, include: { tasks: true } });
    expect(wo).toMatchObject({
      caseId: f.c.id,
      state: "Draft",
      shortDescription: f.c.shortDescription,
      description: "The branch router is dead.",
      priority: 2,
      accountId: f.account.id,
      companyId: f.account.id,
      contactId: f.contact.id,
      callerId: f.contact.id,
      assetId: f.asset.id,
      partnerId: f.partner.id,
      partnerContactId: f.partnerContact.id,
      openedById: agent.id,
    });
    expect(number).toMatch(/^WO\d{7}$/);
    expect(wo.tasks).toHaveLength(1);
    expect(wo.tasks[0]).toMatchObject({
      shortDescription: f.c.shortDescription,
      priority: 2,
      accountId: f.account.id,
      contactId: f.contact.id,
      consumerId: null,
      state: "Draft",
    });
    expect(wo.tasks[0].number).toMatch(/^WOT\d{7}$/);
    const caseNote = await db().journalEntry.findFirst({ where: { table: TABLE.case, recordId: f.c.id } });
    expect(caseNote).toMatchObject({
      body: `Work order ${number} created from this case.`,
      sourceNumber: number,
    });
    const audited = await db().auditEntry.findMany({ where: { table: TABLE.workOrder, recordId: wo.id } });
    expect(audited.map((a) => a.field)).toEqual(
      expect.arrayContaining(["accountId", "companyId", "callerId"]),
    );
    expect(audited.map((a) => a.field)).not.toContain("requestKey");
  });

  it("FSM-1: the admin's edit of the case → work order map changes what the next work order gets", async () => {
    const [admin, agent] = await Promise.all([makeAdmin(), makeAgent()]);
    const f = await makeFieldCase(agent);
    const maps = await listFieldMaps(admin);
    const rows = maps.find((m) => m.name === "case_to_work_order")!.rows;
    const priority = rows.find((r) => r.targetField === "priority")!;
    await updateFieldMapRow(admin, {
      id: priority.id,
      version: priority.version,
      sourceField: null,
      constantValue: "1",
      targetField: "priority",
      order: priority.order,
      active: true,
    });
    try {
      const wo = await db().workOrder.findUniqueOrThrow({
        where: { number: (await createWorkOrderFromCase(agent, f.c.number, newKey())).number },
      });
      expect(wo.priority).toBe(1);
    } finally {
      const now = (await listFieldMaps(admin)).find((m) => m.name === "case_to_work_order")!.rows;
      const row = now.find((r) => r.targetField === "priority")!;
      await updateFieldMapRow(admin, { ...row, sourceField: "priority", constantValue: null });
    }
  });

  it("FSM-1 / REL-2: a double click (10 concurrent calls, one key) makes one work order; a new click makes another", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => createWorkOrderFromCase(agent, c.number, key)),
    );
    expect(new Set(results.map((r) => r.number)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db().workOrder.count({ where: { caseId: c.id } })).toBe(1);
    expect(await db().workOrderTask.count({ where: { workOrder: { caseId: c.id } } })).toBe(1);
    await createWorkOrderFromCase(agent, c.number, newKey());
    expect(await db().workOrder.count({ where: { caseId: c.id } })).toBe(2);
  });

  it("FSM-1 / REL-1: a key of another case's work order, or a malformed key, is refused naming requestKey", async () => {
    const agent = await makeAgent();
    const [a, b] = [await makeCase(agent), await makeCase(agent)];
    const key = newKey();
    await createWorkOrderFromCase(agent, a.number, key);
    for (const bad of [key, "x", undefined, 42])
      expect(await fieldError(createWorkOrderFromCase(agent, b.number, bad))).toMatchObject({
        kind: "invalid",
        field: "requestKey",
      });
    expect(await db().workOrder.count({ where: { caseId: b.id } })).toBe(0);
  });

  it("FSM-1: a retry of a click after the case was resolved returns the work order it made", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const key = newKey();
    const first = await createWorkOrderFromCase(agent, c.number, key);
    await resolveCase(agent, c.number);
    expect(await createWorkOrderFromCase(agent, c.number, key)).toEqual({ ...first, created: false });
    expect((await fieldError(createWorkOrderFromCase(agent, c.number, newKey()))).kind).toBe("forbidden");
  });

  it("FSM-1 / FSM-5: itil users and admins-without-agent roles cannot create; the menu offers the item to agents", async () => {
    const [agent, itil] = await Promise.all([makeAgent(), makeItil()]);
    const c = await makeCase(agent);
    expect((await getCaseView(agent, c.number)).menu).toContain(MENU_ITEM.createWorkOrder);
    expect((await fieldError(createWorkOrderFromCase(itil, c.number, newKey()))).kind).toBe("forbidden");
    expect(await db().workOrder.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("FSM-1: with the Field Service plugin off the item disappears and the server refuses", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await setPlugin(PLUGIN.fieldService, false);
    try {
      expect((await getCaseView(agent, c.number)).menu).not.toContain(MENU_ITEM.createWorkOrder);
      const refused = await fieldError(createWorkOrderFromCase(agent, c.number, newKey()));
      expect(refused).toMatchObject({
        kind: "forbidden",
        message: "The integration com.snc.csm_fsm_integration is not active.",
      });
      expect(await db().workOrder.count({ where: { caseId: c.id } })).toBe(0);
    } finally {
      await setPlugin(PLUGIN.fieldService, true);
    }
  });
});
