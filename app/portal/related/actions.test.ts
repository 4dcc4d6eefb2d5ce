// POR-4 / REL-7 at the action boundary: the portal's actions, called as each kind of user with
// real numbers of another account's records, answer exactly what a missing number answers.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { createRequestFromCase } from "@/lib/server/cases/create-related";
import { makePortalWorld, type PortalWorld } from "@/lib/testing/portal-world";
import { makeWorkOrder, newKey } from "@/lib/testing/work-orders";
import { requestWorkOrderAction } from "../work-orders/actions";
import { relatedRecordAction } from "./actions";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/actor", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let world: PortalWorld;
let request: string;
let workOrder: string;
beforeAll(async () => {
  world = await makePortalWorld();
  request = (await createRequestFromCase(world.agent, world.cases.own.number)).number;
  workOrder = (await makeWorkOrder(world.agent, world.cases.own.number)).number;
});

const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
};
const details = (caseNumber: string, record: string) =>
  relatedRecordAction(caseNumber, null, form({ record }));
const requestOn = (caseNumber: string) =>
  requestWorkOrderAction(
    caseNumber,
    null,
    form({
      description: "crafted",
      windowStart: "2026-12-01T09:00:00Z",
      windowEnd: "2026-12-01T10:00:00Z",
      requestKey: newKey(),
    }),
  );
const withoutNumber = (r: unknown, number: string) => JSON.stringify(r).replaceAll(number, "N");

describe("portal actions (POR-2, POR-4, FSM-5, ROLE-3, REL-7)", () => {
  it("POR-2: the case's customer opens a related request and work order through the action", async () => {
    session.actor = world.users.customer;
    expect(await details(world.cases.own.number, request)).toMatchObject({
      ok: true,
      data: { kind: "request", number: request },
    });
    expect(await details(world.cases.own.number, workOrder)).toMatchObject({
      ok: true,
      data: { kind: "workOrder", tasks: [expect.objectContaining({ windowStart: null })] },
    });
  });

  it("POR-4, REL-7: another account's record or case answers what a missing number answers, per action", async () => {
    for (const actor of [world.users.otherCustomer, world.users.otherConsumer, world.users.colleague]) {
      session.actor = actor;
      const own = world.cases.own.number;
      const ghostCase = "CS9999998";
      expect(withoutNumber(await details(own, request), own)).toBe(
        withoutNumber(await details(ghostCase, request), ghostCase),
      );
      const theirs = (
        await db().case.findFirstOrThrow({
          where: { OR: [{ contactId: actor.id }, { consumerId: actor.id }] },
        })
      ).number;
      for (const record of [request, workOrder])
        expect(withoutNumber(await details(theirs, record), record)).toBe(
          withoutNumber(await details(theirs, "REQ9999998"), "REQ9999998"),
        );
      const before = await db().workOrder.count();
      expect(withoutNumber(await requestOn(own), own)).toBe(
        withoutNumber(await requestOn(ghostCase), ghostCase),
      );
      expect(await db().workOrder.count()).toBe(before);
    }
  });

  it("ROLE-3, FSM-5: an agent is refused both actions; a partner may read but not request", async () => {
    session.actor = world.agent;
    expect(await details(world.cases.own.number, request)).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await requestOn(world.cases.own.number)).toMatchObject({ ok: false, kind: "forbidden" });
    session.actor = world.users.partner;
    expect(await details(world.cases.own.number, request)).toMatchObject({ ok: true });
    expect(await requestOn(world.cases.own.number)).toMatchObject({ ok: false, kind: "forbidden" });
    session.actor = world.users.customer;
    expect(await requestOn(world.cases.own.number)).toMatchObject({ ok: true });
  });
});
