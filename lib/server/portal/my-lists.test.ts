import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { CaseState } from "@/lib/domain/records/choices";
import { createRequestFromCase } from "@/lib/server/cases/create-related";
import { makeCase } from "@/lib/testing/fixtures";
import { makePortalWorld, VISIBLE, type PortalWorld, type WorldCase } from "@/lib/testing/portal-world";
import { rejection } from "@/lib/testing/refusal";
import { setPlugin } from "@/lib/testing/work-orders";
import { listMyOpenCases, listMyRequests, MY_LIST_PAGE_SIZE } from "./my-lists";

let world: PortalWorld;
const requestOf = {} as Record<WorldCase, string>;

beforeAll(async () => {
  world = await makePortalWorld();
  for (const [key, c] of Object.entries(world.cases))
    requestOf[key as WorldCase] = (await createRequestFromCase(world.agent, c.number)).number;
});

const caseKeys = (numbers: string[]) =>
  (Object.keys(world.cases) as WorldCase[]).filter((k) => numbers.includes(world.cases[k].number)).sort();

describe("portal My Lists (POR-5, ROLE-3)", () => {
  it("POR-5, ROLE-3: per role, the open cases and the requests of exactly the cases it may see", async () => {
    for (const [user, keys] of Object.entries(VISIBLE)) {
      const actor = world.users[user as keyof typeof VISIBLE];
      const cases = await listMyOpenCases(actor);
      expect(caseKeys(cases.rows.map((r) => r.number)), user).toEqual([...keys].sort());
      const requests = (await listMyRequests(actor))!;
      expect(caseKeys(requests.rows.map((r) => r.caseNumber)), user).toEqual([...keys].sort());
      expect(requests.rows.map((r) => r.number).sort(), user).toEqual(keys.map((k) => requestOf[k]).sort());
    }
  });

  it("POR-5: a request row holds number, state, short description and its case", async () => {
    const { rows } = (await listMyRequests(world.users.consumer))!;
    expect(rows).toEqual([
      {
        number: requestOf.consumer,
        state: "Requested",
        shortDescription: world.cases.consumer.shortDescription,
        caseNumber: world.cases.consumer.number,
      },
    ]);
  });

  it("POR-5: resolved and closed cases leave the open cases list; the list pages", async () => {
    const consumer = world.users.otherConsumer;
    const closed = await makeCase(world.agent, { consumerId: consumer.id });
    await db().case.update({ where: { id: closed.id }, data: { state: CaseState.Resolved } });
    for (let i = 0; i < MY_LIST_PAGE_SIZE; i++) await makeCase(world.agent, { consumerId: consumer.id });
    const first = await listMyOpenCases(consumer);
    expect(first.total).toBe(MY_LIST_PAGE_SIZE + 1);
    expect(first.rows).toHaveLength(MY_LIST_PAGE_SIZE);
    const second = await listMyOpenCases(consumer, 2);
    expect(second.rows).toHaveLength(1);
    const all = [...first.rows, ...second.rows].map((r) => r.number);
    expect(all).not.toContain(closed.number);
    expect(first.rows[0].state).toBe("New");
  });

  it("POR-5: with Request Management off there is no request list", async () => {
    await setPlugin(PLUGIN.requestManagement, false);
    try {
      expect(await listMyRequests(world.users.customer)).toBeNull();
    } finally {
      await setPlugin(PLUGIN.requestManagement, true);
    }
  });

  it("ROLE-3: internal users and nobody signed in are refused", async () => {
    expect((await rejection(listMyOpenCases(world.agent))).kind).toBe("forbidden");
    expect((await rejection(listMyRequests(null))).kind).toBe("unauthenticated");
  });
});
