// REL-8 / REL-1: PostgreSQL refuses U+0000 in text, so a NUL that reached a query was a 500 there
// (SQLite let it through). Every list search and record address of the portal and the workspace's
// ITSM and work order lists drops control characters or answers "not found" first. Runs on both
// databases (npm run test:postgres).
import { describe, expect, it } from "vitest";
import { parsePortalListQuery } from "@/lib/domain/portal/schemas";
import { recordNumberParam } from "@/lib/domain/validation";
import { makeAgent, makeCase } from "@/lib/testing/fixtures";
import { makePortalWorld } from "@/lib/testing/portal-world";
import { rejection } from "@/lib/testing/refusal";
import { listItsm } from "./itsm/read";
import { PROBLEM } from "./itsm/specs";
import { getPortalCase, listPortalCases } from "./portal/cases";
import { listExternalWorkOrders, getExternalWorkOrder } from "./work-orders/external";
import { listWorkOrders } from "./work-orders/read";

describe("a NUL in a search or a record address (REL-8)", () => {
  it("REL-8: the portal's and the workspace's list searches drop control characters", async () => {
    const world = await makePortalWorld();
    const customer = world.users.customer;
    const own = world.cases.own;
    const portal = await listPortalCases(customer, parsePortalListQuery({ q: `${own.number}\u0000` }));
    expect(portal.rows.map((r) => r.number)).toEqual([own.number]);
    const workOrders = await listExternalWorkOrders(customer, { q: "relay\u0000" });
    expect(workOrders.rows).toEqual([]);
    const agent = await makeAgent();
    await expect(listItsm(PROBLEM, agent, { q: "PRB\u0000" })).resolves.toMatchObject({ page: 1 });
    await expect(listWorkOrders(agent, { q: "WO\u0000" })).resolves.toMatchObject({ page: 1 });
  });

  it("REL-8: a record address with a control character is not found, like a number that does not exist", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    expect(recordNumberParam(`${c.number}%00`)).toBeNull();
    expect(recordNumberParam("cs0001001")).toBe("CS0001001");
    const world = await makePortalWorld();
    const customer = world.users.customer;
    expect(await rejection(getPortalCase(customer, `${world.cases.own.number}\u0000`))).toMatchObject({
      kind: "not_found",
    });
    expect(await rejection(getExternalWorkOrder(customer, "WO\u0000"))).toMatchObject({ kind: "not_found" });
  });
});
