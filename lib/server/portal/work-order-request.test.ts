import { beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { CaseState } from "@/lib/domain/records/choices";
import { makeCase } from "@/lib/testing/fixtures";
import { makePortalWorld, type PortalWorld } from "@/lib/testing/portal-world";
import { untilWaiting } from "@/lib/testing/locks";
import { rejection } from "@/lib/testing/refusal";
import { fieldError, makeWorkOrder, newKey, setPlugin } from "@/lib/testing/work-orders";
import { lockRows } from "../tables/row-locks";
import { getPortalCase } from "./cases";
import { requestWorkOrder } from "./work-order-request";

let world: PortalWorld;
beforeAll(async () => {
  world = await makePortalWorld();
});

// A proposed visit is still to come (FSM-5): next year's 1 December, whenever the test runs.
const year = new Date().getUTCFullYear() + 1;
const window = { windowStart: `${year}-12-01T09:00:00Z`, windowEnd: `${year}-12-01T11:00:00Z` };
const form = (extra: Record<string, unknown> = {}) => ({
  description: "Please send a technician",
  ...window,
  requestKey: newKey(),
  ...extra,
});
const counts = async () => ({
  orders: await db().workOrder.count(),
  tasks: await db().workOrderTask.count(),
  notes: await db().journalEntry.count(),
});

describe("portal work order request (FSM-5, POR-4, ROLE-3)", () => {
  it("FSM-5: a customer requests a work order on their open case: mapped fields, Awaiting Qualification, the window on its task, a work note", async () => {
    const c = world.cases.own;
    const { number, created } = await requestWorkOrder(world.users.customer, c.number, form());
    expect(created).toBe(true);
    const wo = await db().workOrder.findUniqueOrThrow({ where: { number }, include: { tasks: true } });
    expect(wo).toMatchObject({
      caseId: c.id,
      state: "Awaiting Qualification",
      description: "Please send a technician",
      shortDescription: c.shortDescription,
      accountId: c.accountId,
      companyId: c.accountId,
      contactId: world.users.customer.id,
      callerId: world.users.customer.id,
      partnerContactId: world.users.partner.id,
      openedById: world.users.customer.id,
    });
    expect(wo.tasks).toHaveLength(1);
    expect(wo.tasks[0]).toMatchObject({
      windowStart: new Date(window.windowStart),
      windowEnd: new Date(window.windowEnd),
      description: "Please send a technician",
      contactId: world.users.customer.id,
    });
    const note = await db().journalEntry.findFirst({
      where: { table: "sn_customerservice_case", recordId: c.id, kind: "work_notes" },
      orderBy: { id: "desc" },
    });
    expect(note?.body).toBe(`Work order ${number} requested by ${world.users.customer.name} in the portal.`);
  });

  it("FSM-5: a double submit (the same request key) makes one work order", async () => {
    const body = form();
    const before = await counts();
    const [a, b] = await Promise.all([
      requestWorkOrder(world.users.consumer, world.cases.consumer.number, body),
      requestWorkOrder(world.users.consumer, world.cases.consumer.number, body),
    ]);
    expect(a.number).toBe(b.number);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const after = await counts();
    expect(after.orders - before.orders).toBe(1);
    expect(after.tasks - before.tasks).toBe(1);
  });

  it("FSM-5: a customer admin requests on any case of the account; a partner, who only sees it, is refused", async () => {
    const made = await requestWorkOrder(world.users.customerAdmin, world.cases.colleague.number, form());
    expect(made.created).toBe(true);
    const before = await counts();
    const refused = await rejection(requestWorkOrder(world.users.partner, world.cases.own.number, form()));
    expect(refused.kind).toBe("forbidden");
    expect(await counts()).toEqual(before);
  });

  it("POR-4, ROLE-3: another account's case answers not found exactly like a missing number, and changes nothing", async () => {
    const before = await counts();
    const number = world.cases.own.number;
    const answer = await rejection(requestWorkOrder(world.users.otherCustomer, number, form()));
    const ghost = await rejection(requestWorkOrder(world.users.otherCustomer, "CS9999999", form()));
    expect(answer).toEqual({ kind: "not_found", message: `Case ${number} was not found.` });
    expect(answer).toEqual({ ...ghost, message: ghost.message.replace("CS9999999", number) });
    const colleague = await rejection(
      requestWorkOrder(world.users.customer, world.cases.colleague.number, form()),
    );
    expect(colleague.kind).toBe("not_found");
    expect(await counts()).toEqual(before);
  });

  it("FSM-5: resolved and closed cases are refused", async () => {
    for (const state of [CaseState.Resolved, CaseState.Closed, CaseState.Cancelled]) {
      const made = await makeCase(world.agent, { consumerId: world.users.consumer.id });
      const c = await db().case.update({ where: { id: made.id }, data: { state } });
      const before = await counts();
      const answer = await rejection(requestWorkOrder(world.users.consumer, c.number, form()));
      expect(answer.kind).toBe("forbidden");
      expect(answer.message).toMatch(/open case/);
      expect(await counts()).toEqual(before);
    }
  });

  it("FSM-5 / MAJ-3: a child of a major case is refused and not offered — it creates no records, as in the workspace", async () => {
    const major = await makeCase(world.agent, { consumerId: world.users.consumer.id });
    const made = await makeCase(world.agent, { consumerId: world.users.consumer.id });
    const child = await db().case.update({ where: { id: made.id }, data: { parentId: major.id } });
    expect((await getPortalCase(world.users.consumer, child.number)).canRequestWorkOrder).toBe(false);
    const before = await counts();
    const answer = await rejection(requestWorkOrder(world.users.consumer, child.number, form()));
    expect(answer.kind).toBe("forbidden");
    expect(answer.message).toMatch(/major case/);
    expect(await counts()).toEqual(before);
  });

  it("FSM-5, REL-1: the window is required, its start before its end and still to come; bad fields are named", async () => {
    const n = world.cases.consumer.number;
    const as = world.users.consumer;
    expect(
      await fieldError(requestWorkOrder(as, n, form({ windowEnd: `${year}-12-01T08:00:00Z` }))),
    ).toMatchObject({
      field: "windowEnd",
      message: "The appointment window must end after it starts.",
    });
    expect(await fieldError(requestWorkOrder(as, n, form({ windowStart: "" })))).toMatchObject({
      field: "windowStart",
    });
    // A visit in the past is a typo, not a request (the review's 2001).
    const past = form({ windowStart: "2001-01-10T10:00:00Z", windowEnd: "2001-01-10T12:00:00Z" });
    expect(await fieldError(requestWorkOrder(as, n, past))).toMatchObject({
      field: "windowStart",
      message: "Window start must be in the future: propose when the visit could be.",
    });
    expect(await fieldError(requestWorkOrder(as, n, form({ description: " " })))).toMatchObject({
      field: "description",
    });
    expect(await fieldError(requestWorkOrder(as, n, form({ requestKey: "x" })))).toMatchObject({
      field: "requestKey",
    });
  });

  it("FSM-5: another case's request key is refused; an agent's Create Work Order key too", async () => {
    const body = form();
    await requestWorkOrder(world.users.customerAdmin, world.cases.own.number, body);
    expect(
      await fieldError(requestWorkOrder(world.users.customerAdmin, world.cases.colleague.number, body)),
    ).toMatchObject({ field: "requestKey" });
    const agentOrder = await makeWorkOrder(world.agent, world.cases.consumer.number);
    const reused = form({ requestKey: agentOrder.requestKey });
    expect(
      await fieldError(requestWorkOrder(world.users.consumer, world.cases.otherConsumer.number, reused)),
    ).toMatchObject({ kind: "not_found" });
    const again = await requestWorkOrder(world.users.consumer, world.cases.consumer.number, reused);
    expect(again).toMatchObject({ number: agentOrder.number, created: false });
  });

  it("FSM-5, ROLE-3: internal users are refused; with the Field Service plugin off requests are refused", async () => {
    expect((await rejection(requestWorkOrder(world.agent, world.cases.own.number, form()))).kind).toBe(
      "forbidden",
    );
    await setPlugin(PLUGIN.fieldService, false);
    try {
      const before = await counts();
      const answer = await rejection(requestWorkOrder(world.users.customer, world.cases.own.number, form()));
      expect(answer.kind).toBe("forbidden");
      expect(await counts()).toEqual(before);
    } finally {
      await setPlugin(PLUGIN.fieldService, true);
    }
  });

  it("POR-4: a request sent while an agent moves the case to another contact is refused as not found, nothing made", async () => {
    const c = await makeCase(world.agent, {
      accountId: world.accounts.customer.id,
      contactId: world.users.customer.id,
    });
    const before = await counts();
    let sent!: Promise<{ kind: string }>;
    // The agent's save holds the case (PostgreSQL: its row lock) while the customer's request is sent.
    await transaction(async (tx) => {
      await lockRows(tx, "Case", [c.id]);
      await tx.case.update({ where: { id: c.id }, data: { contactId: world.users.colleague.id } });
      sent = rejection(requestWorkOrder(world.users.customer, c.number, form()));
      await untilWaiting(1, sent);
    });
    expect(await sent).toMatchObject({ kind: "not_found" });
    expect(await counts()).toMatchObject({ orders: before.orders, tasks: before.tasks });
  });
});
