import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE, type Actor } from "@/lib/domain/auth/roles";
import { makeUser, unique } from "@/lib/testing/fixtures";
import { rejection } from "@/lib/testing/refusal";
import { makePortalWorld, VISIBLE, type PortalWorld, type WorldCase } from "@/lib/testing/portal-world";
import { getExternalWorkOrder, listExternalWorkOrders } from "./external";

let world: PortalWorld;
/** Marks this file's work orders, so a search lists only them. */
const tag = unique("wotag");
const orders = {} as Record<WorldCase | "orphan", { id: number; number: string }>;
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));

const workOrder = (c: { id: number; accountId: number | null } | null, data: Record<string, unknown> = {}) =>
  db().workOrder.create({
    data: {
      number: `WO9${unique("")}`,
      caseId: c?.id ?? null,
      accountId: c?.accountId ?? null,
      shortDescription: `${tag} visit`,
      ...data,
    },
  });

beforeAll(async () => {
  world = await makePortalWorld();
  let minute = 0;
  for (const [key, c] of Object.entries(world.cases)) {
    orders[key as WorldCase] = await workOrder(c, {
      shortDescription: `${tag} ${key}`,
      updatedAt: at(minute++),
    });
  }
  // Of the customer's account, but without a case: no external user sees it.
  orders.orphan = await workOrder(null, { accountId: world.accounts.customer.id });
});

/** The world's work orders in the actor's list, by the key of their case (newest update first). */
async function listed(actor: Actor): Promise<string[]> {
  const { rows, total } = await listExternalWorkOrders(actor, { q: tag });
  expect(total).toBe(rows.length);
  return rows.map((r) => r.shortDescription.slice(tag.length + 1));
}

/** The world's work orders the actor opens by number. */
async function opened(actor: Actor): Promise<string[]> {
  const keys = Object.keys(orders) as (keyof typeof orders)[];
  const found = await Promise.all(
    keys.map((k) =>
      getExternalWorkOrder(actor, orders[k].number).then(
        () => true,
        () => false,
      ),
    ),
  );
  return keys.filter((_, i) => found[i]).sort();
}

const newestFirst = (keys: WorldCase[]) =>
  [...keys].sort((a, b) => Object.keys(world.cases).indexOf(b) - Object.keys(world.cases).indexOf(a));

describe("external work orders (FSM-5, POR-3, POR-4, ROLE-3)", () => {
  it("POR-3, FSM-5: each role lists and opens exactly the work orders of the cases it may see", async () => {
    for (const [user, keys] of Object.entries(VISIBLE)) {
      const actor = world.users[user as keyof typeof VISIBLE];
      expect(await listed(actor), user).toEqual(newestFirst(keys));
      expect(await opened(actor), user).toEqual([...keys].sort());
    }
  });

  it("POR-3, ROLE-3: a customer sees their own case's work order, not a colleague's of the same account", async () => {
    expect(await listed(world.users.customer)).toEqual(["own"]);
    const answer = await rejection(getExternalWorkOrder(world.users.customer, orders.colleague.number));
    expect(answer.kind).toBe("not_found");
  });

  it("POR-3: a customer admin sees the work orders of every case of the account, never one without a case", async () => {
    expect(await listed(world.users.customerAdmin)).toEqual(["colleague", "own"]);
    expect(
      (await rejection(getExternalWorkOrder(world.users.customerAdmin, orders.orphan.number))).kind,
    ).toBe("not_found");
  });

  it("POR-4, ROLE-3: another account's work order answers not found, exactly as a number that does not exist", async () => {
    const actor = world.users.otherCustomer;
    const number = orders.own.number;
    const ghost = `WO9${unique("")}`;
    const answer = await rejection(getExternalWorkOrder(actor, number));
    const absent = await rejection(getExternalWorkOrder(actor, ghost));
    expect(answer).toEqual({ kind: "not_found", message: `Work order ${number} was not found.` });
    expect(answer).toEqual({ ...absent, message: absent.message.replace(ghost, number) });
  });

  it("POR-3: a partner sees the partner-contact cases' work orders; a partner admin the related accounts', not an unrelated one's", async () => {
    expect(await listed(world.users.partner)).toEqual(["own"]);
    expect(await listed(world.users.partnerAdmin)).toEqual(["partnerAccount", "colleague", "own"]);
    expect(
      (await rejection(getExternalWorkOrder(world.users.partnerAdmin, orders.unrelated.number))).kind,
    ).toBe("not_found");
  });

  it("POR-3: a consumer sees only their own cases' work orders", async () => {
    expect(await listed(world.users.consumer)).toEqual(["consumer"]);
  });

  it("ROLE-3, FSM-5: internal users, external users without a portal role and nobody signed in are refused", async () => {
    const roleless = await makeUser([ROLE.external], {
      kind: "contact",
      accountId: world.accounts.customer.id,
    });
    for (const actor of [world.agent, await makeUser([ROLE.admin]), roleless, null]) {
      const kind = actor ? "forbidden" : "unauthenticated";
      expect((await rejection(listExternalWorkOrders(actor))).kind).toBe(kind);
      expect((await rejection(getExternalWorkOrder(actor, orders.own.number))).kind).toBe(kind);
    }
  });
});

describe("external work order details and list (POR-3, FSM-5)", () => {
  it("FSM-5: the details are customer-safe: the work order, its case and account, tasks with windows and the assignee's name only", async () => {
    const c = world.cases.consumer;
    const wo = await workOrder(c, { state: "Assigned", priority: 2, description: "Replace the router" });
    const start = at(600);
    const end = at(720);
    await db().workOrderTask.create({
      data: {
        number: `WOT9${unique("")}`,
        workOrderId: wo.id,
        state: "Assigned",
        shortDescription: "Visit",
        windowStart: start,
        windowEnd: end,
        assignedToId: world.agent.id,
      },
    });
    const found = await getExternalWorkOrder(world.users.consumer, wo.number);
    expect(found).toEqual({
      number: wo.number,
      state: "Assigned",
      priority: 2,
      shortDescription: `${tag} visit`,
      description: "Replace the router",
      caseNumber: c.number,
      accountName: null,
      tasks: [
        {
          number: expect.stringMatching(/^WOT9/),
          state: "Assigned",
          shortDescription: "Visit",
          windowStart: start,
          windowEnd: end,
          assignedToName: world.agent.name,
        },
      ],
    });
    const own = await getExternalWorkOrder(world.users.customer, orders.own.number);
    expect(own).toMatchObject({
      caseNumber: world.cases.own.number,
      accountName: world.accounts.customer.name,
    });
    expect(own.tasks).toEqual([]);
  });

  it("POR-3: the list pages 50 at a time, newest update first, and filters by state and text", async () => {
    const c = world.cases.otherConsumer;
    const pageTag = unique("page");
    for (let i = 0; i < 51; i++) {
      await workOrder(c, {
        shortDescription: `${pageTag} ${i}`,
        updatedAt: at(i),
        state: i % 2 ? "Qualified" : "Draft",
      });
    }
    const actor = world.users.otherConsumer;
    const first = await listExternalWorkOrders(actor, { q: pageTag });
    expect(first).toMatchObject({ total: 51, page: 1, pageSize: 50 });
    expect(first.rows[0]).toMatchObject({
      shortDescription: `${pageTag} 50`,
      state: "Draft",
      priority: 4,
      caseNumber: c.number,
    });
    expect(first.rows.map((r) => r.updatedAt.getTime())).toEqual(
      [...first.rows.map((r) => r.updatedAt.getTime())].sort((a, b) => b - a),
    );
    const second = await listExternalWorkOrders(actor, { q: pageTag, page: 2 });
    expect(second.rows.map((r) => r.shortDescription)).toEqual([`${pageTag} 0`]);
    const qualified = await listExternalWorkOrders(actor, { q: pageTag, state: "Qualified" });
    expect(qualified.total).toBe(25);
    expect(qualified.rows.every((r) => r.state === "Qualified")).toBe(true);
    expect((await rejection(listExternalWorkOrders(actor, { state: "Nonsense" }))).kind).toBe("invalid");
  });

  it("ROLE-3 / POR-3: a work order a fulfiller moved to another account names no account to the case's customers", async () => {
    const c = world.cases.own;
    const elsewhere = await db().account.create({
      data: { number: `ACC9${unique("")}`, name: unique("Elsewhere "), nameKey: unique("elsewhere ") },
    });
    const same = await workOrder(c);
    const moved = await workOrder(c, { accountId: elsewhere.id });
    const customer = world.users.customer;
    expect((await getExternalWorkOrder(customer, same.number)).accountName).toBe(
      world.accounts.customer.name,
    );
    expect((await getExternalWorkOrder(customer, moved.number)).accountName).toBeNull();
  });
});
