import { beforeAll, describe, expect, it } from "vitest";
import { formatWindow } from "@/lib/domain/time-format";
import { db } from "@/lib/db";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import {
  createChangeFromCase,
  createProblemFromCase,
  createRequestFromCase,
} from "@/lib/server/cases/create-related";
import { makePortalWorld, VISIBLE, type PortalWorld, type WorldCase } from "@/lib/testing/portal-world";
import { rejection } from "@/lib/testing/refusal";
import { makeWorkOrder, setPlugin } from "@/lib/testing/work-orders";
import { getRelatedRecord, listRelatedRecords } from "./related";

let world: PortalWorld;
/** The numbers of the records linked to each world case. */
const linked = {} as Record<WorldCase, string[]>;
let own: { problem: string; change: string; request: string; workOrder: string; task: string };

beforeAll(async () => {
  world = await makePortalWorld();
  const n = world.cases.own.number;
  const wo = await makeWorkOrder(world.agent, n);
  const task = await db().workOrderTask.update({
    where: { number: (await db().workOrderTask.findFirstOrThrow({ where: { workOrderId: wo.id } })).number },
    data: { windowStart: new Date("2026-12-01T09:00:00Z"), windowEnd: new Date("2026-12-01T11:00:00Z") },
  });
  own = {
    problem: (await createProblemFromCase(world.agent, n)).number,
    change: (await createChangeFromCase(world.agent, n, { type: "normal" })).number,
    request: (await createRequestFromCase(world.agent, n)).number,
    workOrder: wo.number,
    task: task.number,
  };
  linked.own = [own.problem, own.change, own.request, own.workOrder];
  for (const key of Object.keys(world.cases) as WorldCase[]) {
    if (key === "own") continue;
    const c = world.cases[key];
    linked[key] = [
      (await createRequestFromCase(world.agent, c.number)).number,
      (await makeWorkOrder(world.agent, c.number)).number,
    ];
  }
});

/** Every linked record of the world, as [case key, record number]. */
const everyLink = () =>
  (Object.keys(linked) as WorldCase[]).flatMap((k) => linked[k].map((r) => [k, r] as const));

describe("portal Related Records (POR-2, POR-4, ROLE-3, REL-7)", () => {
  it("POR-2: the widget lists the case's problem, change, request and work order with type, state and short description", async () => {
    const rows = await listRelatedRecords(world.users.customer, world.cases.own.number);
    expect(rows.map((r) => [r.kind, r.number])).toEqual([
      ["problem", own.problem],
      ["change", own.change],
      ["request", own.request],
      ["workOrder", own.workOrder],
    ]);
    expect(rows[0]).toMatchObject({ type: "Problem", state: "New" });
    expect(rows[2]).toMatchObject({ type: "Request", state: "Requested" });
    expect(rows[3]).toMatchObject({ type: "Work order", state: "Draft" });
  });

  it("POR-2: a work order's details hold its priority and tasks with appointment windows, nothing internal", async () => {
    const d = await getRelatedRecord(world.users.partner, world.cases.own.number, own.workOrder);
    expect(d).toEqual({
      kind: "workOrder",
      type: "Work order",
      number: own.workOrder,
      state: "Draft",
      shortDescription: world.cases.own.shortDescription,
      priority: "4 - Low",
      tasks: [
        {
          number: own.task,
          state: "Draft",
          shortDescription: world.cases.own.shortDescription,
          windowStart: new Date("2026-12-01T09:00:00Z"),
          windowEnd: new Date("2026-12-01T11:00:00Z"),
          // Written on the server, in its zone: the dialog renders in the browser (no TZ there).
          windowText: formatWindow(new Date("2026-12-01T09:00:00Z"), new Date("2026-12-01T11:00:00Z"), {
            zone: true,
          }),
        },
      ],
    });
    const p = await getRelatedRecord(world.users.customer, world.cases.own.number, own.problem);
    expect(Object.keys(p).sort()).toEqual(["kind", "number", "shortDescription", "state", "type"]);
  });

  it("ROLE-3, REL-7: per role, exactly the records linked to the cases it may see open, and each with its own case only", async () => {
    for (const [user, keys] of Object.entries(VISIBLE)) {
      const actor = world.users[user as keyof typeof VISIBLE];
      const opened: string[] = [];
      for (const [key, record] of everyLink()) {
        const ok = await getRelatedRecord(actor, world.cases[key].number, record).then(
          () => true,
          () => false,
        );
        if (ok) opened.push(key);
      }
      expect([...new Set(opened)].sort(), user).toEqual([...keys].sort());
    }
    // A record of a case they see, asked for through another case they see: not linked, not found.
    const admin = world.users.customerAdmin;
    const crossed = await rejection(getRelatedRecord(admin, world.cases.own.number, linked.colleague[0]));
    expect(crossed).toEqual({ kind: "not_found", message: `Record ${linked.colleague[0]} was not found.` });
  });

  it("POR-4, ROLE-3: another account's record answers not found with the message of a number that does not exist", async () => {
    const actor = world.users.otherCustomer;
    const mine = world.cases.other.number;
    for (const record of linked.own) {
      const crafted = await rejection(getRelatedRecord(actor, mine, record));
      const ghost = await rejection(getRelatedRecord(actor, mine, "PRB9999999"));
      expect(crafted).toEqual({ kind: "not_found", message: `Record ${record} was not found.` });
      expect(crafted).toEqual({ ...ghost, message: ghost.message.replace("PRB9999999", record) });
      const viaTheirCase = await rejection(getRelatedRecord(actor, world.cases.own.number, record));
      expect(viaTheirCase).toEqual({
        kind: "not_found",
        message: `Case ${world.cases.own.number} was not found.`,
      });
    }
    const list = await rejection(listRelatedRecords(actor, world.cases.own.number));
    expect(list.kind).toBe("not_found");
  });

  it("ROLE-3: internal users and nobody signed in are refused", async () => {
    expect((await rejection(listRelatedRecords(world.agent, world.cases.own.number))).kind).toBe("forbidden");
    expect((await rejection(getRelatedRecord(null, world.cases.own.number, own.problem))).kind).toBe(
      "unauthenticated",
    );
  });

  it("POR-2, FSM-5: with the Field Service plugin off, work orders leave the widget and their details answer not found", async () => {
    await setPlugin(PLUGIN.fieldService, false);
    try {
      const rows = await listRelatedRecords(world.users.customer, world.cases.own.number);
      expect(rows.map((r) => r.kind)).toEqual(["problem", "change", "request"]);
      const answer = await rejection(
        getRelatedRecord(world.users.customer, world.cases.own.number, own.workOrder),
      );
      expect(answer.kind).toBe("not_found");
    } finally {
      await setPlugin(PLUGIN.fieldService, true);
    }
  });

  it("POR-2 / PERF-1: a case with 105 requests lists 100, and the 105th still opens by its number", async () => {
    const c = world.cases.colleague;
    const tag = `REQX${String(c.id).padStart(6, "0")}`;
    await db().request.createMany({
      data: Array.from({ length: 105 }, (_, i) => ({
        number: `${tag}${String(i).padStart(3, "0")}`,
        shortDescription: `Laptop ${i}`,
        caseId: c.id,
      })),
    });
    const rows = await listRelatedRecords(world.users.colleague, c.number);
    expect(rows.filter((r) => r.kind === "request")).toHaveLength(100);
    const last = await getRelatedRecord(world.users.colleague, c.number, `${tag}104`);
    expect(last).toMatchObject({ kind: "request", shortDescription: "Laptop 104" });
  });
});
