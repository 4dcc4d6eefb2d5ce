import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { makeItil } from "@/lib/testing/fixtures";
import { makePortalWorld, VISIBLE } from "@/lib/testing/portal-world";
import { fieldError, makeWorkOrder, setPlugin } from "@/lib/testing/work-orders";
import { getExternalWorkOrder, listExternalWorkOrders } from "./external";
import { getCaseView } from "../cases/view";
import { getWorkOrderView, listWorkOrders } from "./read";

describe("who reads work orders (FSM-5, ROLE-3)", () => {
  it("FSM-5 / ROLE-3: agent and itil read every work order; each external role exactly those of its cases", async () => {
    const w = await makePortalWorld();
    const itil = await makeItil();
    const made = Object.fromEntries(
      await Promise.all(
        Object.entries(w.cases).map(async ([k, c]) => [k, await makeWorkOrder(w.agent, c.number)] as const),
      ),
    );
    for (const reader of [w.agent, itil]) {
      const view = await getWorkOrderView(reader, made.other.number);
      expect(view.record.case?.number).toBe(w.cases.other.number);
      expect(view.record.tasks).toHaveLength(1);
      const list = await listWorkOrders(reader, { q: made.unrelated.number });
      expect(list.rows.map((r) => r.number)).toEqual([made.unrelated.number]);
    }
    // FSM-3: the case page lists the case's work orders (lib/server/cases/page-read.ts).
    expect((await getCaseView(w.agent, w.cases.own.number)).workOrders?.map((r) => r.number)).toEqual([
      made.own.number,
    ]);
    for (const [role, user] of Object.entries(w.users)) {
      const visible = VISIBLE[role as keyof typeof VISIBLE];
      for (const [k, wo] of Object.entries(made)) {
        const read = getExternalWorkOrder(user, wo.number);
        if (visible.includes(k as never)) expect((await read).number).toBe(wo.number);
        else
          expect(await fieldError(read)).toEqual({
            kind: "not_found",
            message: `Work order ${wo.number} was not found.`,
          });
      }
      const listed = await listExternalWorkOrders(user, {});
      const mine = Object.entries(made)
        .filter(([k]) => visible.includes(k as never))
        .map(([, wo]) => wo.number);
      expect(
        listed.rows
          .map((r) => r.number)
          .filter((n) => Object.values(made).some((m) => m.number === n))
          .sort(),
      ).toEqual(mine.sort());
    }
  });

  it("ROLE-3 / FSM-5: external users and role-less internal users cannot use the workspace reads", async () => {
    const w = await makePortalWorld();
    const wo = await makeWorkOrder(w.agent, w.cases.own.number);
    expect((await fieldError(getWorkOrderView(w.users.customer, wo.number))).kind).toBe("forbidden");
    expect((await fieldError(listWorkOrders(w.users.customerAdmin, {}))).kind).toBe("forbidden");
    const nobody = { ...w.agent, roles: [] };
    expect((await fieldError(getWorkOrderView(nobody, wo.number))).kind).toBe("forbidden");
    expect(await db().workOrder.count({ where: { id: wo.id } })).toBe(1);
  });

  it("FSM-1 / POR-3: with the Field Service plugin off every work order read refuses, for every reader", async () => {
    const w = await makePortalWorld();
    const wo = await makeWorkOrder(w.agent, w.cases.own.number);
    await setPlugin(PLUGIN.fieldService, false);
    try {
      expect((await fieldError(getWorkOrderView(w.agent, wo.number))).kind).toBe("forbidden");
      expect((await fieldError(listWorkOrders(w.agent, {}))).kind).toBe("forbidden");
      expect((await fieldError(getExternalWorkOrder(w.users.customer, wo.number))).kind).toBe("forbidden");
      expect((await fieldError(listExternalWorkOrders(w.users.customerAdmin, {}))).kind).toBe("forbidden");
    } finally {
      await setPlugin(PLUGIN.fieldService, true);
    }
    expect((await getExternalWorkOrder(w.users.customer, wo.number)).number).toBe(wo.number);
  });

  it("FSM-3: the list filters by state and search and pages 50 at a time", async () => {
    const w = await makePortalWorld();
    const itil = await makeItil();
    const wo = await makeWorkOrder(w.agent, w.cases.own.number);
    expect((await listWorkOrders(itil, { state: "Draft", q: wo.number })).total).toBe(1);
    expect((await listWorkOrders(itil, { state: "Canceled", q: wo.number })).total).toBe(0);
    expect((await listWorkOrders(itil, { state: "open", q: wo.number })).total).toBe(1);
    const page = await listWorkOrders(itil, { page: 1 });
    expect(page.rows.length).toBeLessThanOrEqual(50);
    expect(page.rows[0].updatedAt.getTime()).toBeGreaterThanOrEqual(page.rows.at(-1)!.updatedAt.getTime());
  });
});
