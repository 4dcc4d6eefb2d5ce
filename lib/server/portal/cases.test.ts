import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { parsePortalListQuery } from "@/lib/domain/portal/schemas";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { makeUser, unique } from "@/lib/testing/fixtures";
import { makePortalWorld, VISIBLE, type PortalWorld } from "@/lib/testing/portal-world";
import { rejection } from "@/lib/testing/refusal";
import { postCaseJournal } from "../cases/journal";
import { getPortalCase, listPortalCases } from "./cases";
import { createPortalCase, portalAssets } from "./new-case";

let world: PortalWorld;
beforeAll(async () => {
  world = await makePortalWorld();
});

const all = parsePortalListQuery({});
const numbersOf = (rows: { number: string }[]) => rows.map((r) => r.number).sort();
const worldNumbers = () => new Set(Object.values(world.cases).map((c) => c.number));

describe("portal case list (POR-1, ROLE-3)", () => {
  it("POR-1 / ROLE-3: each role lists exactly the cases it may see", async () => {
    for (const [who, keys] of Object.entries(VISIBLE)) {
      const actor = world.users[who as keyof typeof VISIBLE];
      const list = await listPortalCases(actor, all);
      const ours = list.rows.filter((r) => worldNumbers().has(r.number));
      expect(numbersOf(ours), who).toEqual(keys.map((k) => world.cases[k].number).sort());
    }
  });

  it("POR-1: newest update first, searched by number or short description, filtered by state", async () => {
    const admin = world.users.customerAdmin;
    const list = await listPortalCases(admin, all);
    const times = list.rows.map((r) => r.updatedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const own = world.cases.own;
    const byNumber = await listPortalCases(admin, parsePortalListQuery({ q: own.number.toLowerCase() }));
    expect(numbersOf(byNumber.rows)).toEqual([own.number]);
    const words = own.shortDescription.slice(2);
    expect(numbersOf((await listPortalCases(admin, parsePortalListQuery({ q: words }))).rows)).toEqual([
      own.number,
    ]);
    const open = await listPortalCases(admin, parsePortalListQuery({ state: String(CaseState.Open) }));
    expect(open.rows.filter((r) => worldNumbers().has(r.number))).toEqual([]);
    const fresh = await listPortalCases(admin, parsePortalListQuery({ state: String(CaseState.New) }));
    expect(numbersOf(fresh.rows.filter((r) => worldNumbers().has(r.number)))).toEqual(
      numbersOf([world.cases.own, world.cases.colleague]),
    );
  });

  it("POR-1: 25 a page; the count is the user's cases only", async () => {
    const { customerAdmin } = world.users;
    for (let i = 0; i < 26; i++)
      await createPortalCase(customerAdmin, { shortDescription: `paging ${i}`, description: "" });
    const first = await listPortalCases(customerAdmin, all);
    const second = await listPortalCases(customerAdmin, parsePortalListQuery({ page: "2" }));
    expect(first.rows).toHaveLength(25);
    expect(first.total).toBe(28);
    expect(second.rows).toHaveLength(3);
    expect(new Set([...numbersOf(first.rows), ...numbersOf(second.rows)]).size).toBe(28);
  });

  it("ROLE-3: an internal user and an external user without a portal role are refused", async () => {
    expect((await rejection(listPortalCases(world.agent, all))).kind).toBe("forbidden");
    const bare = await makeUser([ROLE.external], { kind: "contact", accountId: world.accounts.customer.id });
    expect((await rejection(listPortalCases(bare, all))).kind).toBe("forbidden");
  });
});

describe("portal new case (POR-1)", () => {
  it("POR-1: a customer's case has channel web, them as contact, their account and asset, and is audited", async () => {
    const { customer } = world.users;
    const asset = await db().asset.create({
      data: { number: unique("AST"), name: "Printer", accountId: world.accounts.customer.id },
    });
    expect((await portalAssets(customer)).map((a) => a.id)).toContain(asset.id);
    const { number } = await createPortalCase(customer, {
      shortDescription: "Printer jams",
      description: "Every morning",
      assetId: String(asset.id),
    });
    const c = await db().case.findUniqueOrThrow({ where: { number } });
    expect(c).toMatchObject({
      shortDescription: "Printer jams",
      description: "Every morning",
      state: CaseState.New,
      channel: "web",
      contactId: customer.id,
      consumerId: null,
      accountId: world.accounts.customer.id,
      assetId: asset.id,
      openedById: customer.id,
    });
    const audit = await db().auditEntry.findMany({ where: { table: TABLE.case, recordId: c.id } });
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.userId === customer.id)).toBe(true);
    expect(numbersOf((await listPortalCases(customer, all)).rows)).toContain(number);
  });

  it("POR-1 / ROLE-3: a plain partner's new case is theirs as contact and partner contact, so they keep seeing it", async () => {
    const { partner } = world.users;
    const { number } = await createPortalCase(partner, { shortDescription: "Partner's own case" });
    expect(await db().case.findUniqueOrThrow({ where: { number } })).toMatchObject({
      contactId: partner.id,
      partnerContactId: partner.id,
      partnerId: partner.accountId,
    });
    expect((await getPortalCase(partner, number)).number).toBe(number);
    expect(numbersOf((await listPortalCases(partner, all)).rows)).toContain(number);
  });

  it("POR-1 / ROLE-3: a consumer's case is their own, without account; another account's asset is refused", async () => {
    const { consumer, otherCustomer } = world.users;
    const { number } = await createPortalCase(consumer, { shortDescription: "My router" });
    expect(await db().case.findUniqueOrThrow({ where: { number } })).toMatchObject({
      consumerId: consumer.id,
      contactId: null,
      accountId: null,
      channel: "web",
    });
    expect(await portalAssets(consumer)).toEqual([]);
    const asset = await db().asset.create({
      data: { number: unique("AST"), name: "Theirs", accountId: world.accounts.customer.id },
    });
    const before = await db().case.count();
    const answer = await rejection(
      createPortalCase(otherCustomer, { shortDescription: "x", assetId: asset.id }),
    );
    expect(answer).toEqual({ kind: "invalid", message: "Asset: no such asset of your account." });
    expect(await rejection(createPortalCase(otherCustomer, { shortDescription: " " }))).toMatchObject({
      kind: "invalid",
    });
    expect(await db().case.count()).toBe(before);
  });
});

describe("portal case page (POR-1, POR-4, JRN-3)", () => {
  it("JRN-3 / POR-1: the page shows additional comments only, without source numbers", async () => {
    const c = world.cases.colleague;
    await postCaseJournal(world.agent, c.number, { workNotes: "secret note", comments: "hello customer" });
    const view = await getPortalCase(world.users.colleague, c.number);
    expect(view.timeline.entries.map((e) => e.body)).toEqual(["hello customer"]);
    expect(view.timeline.entries.every((e) => e.sourceNumber === null && e.ruleName === null)).toBe(true);
    expect(Object.keys(view)).not.toContain("assignedToId");
  });

  it("POR-4 / ROLE-3: another account's case answers not found, exactly like a missing number", async () => {
    const number = world.cases.own.number;
    const ghost = `CS9${unique("")}`;
    const foreign = await rejection(getPortalCase(world.users.otherCustomer, number));
    const missing = await rejection(getPortalCase(world.users.otherCustomer, ghost));
    expect(foreign).toEqual({ kind: "not_found", message: `Case ${number} was not found.` });
    expect(missing.message.replace(ghost, number)).toBe(foreign.message);
  });

  it("REL-2 / POR-1: the portal's New case sent twice makes one case and one acknowledgement", async () => {
    const customer = world.users.customer;
    const requestKey = `p${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
    const input = { shortDescription: `Portal once ${requestKey}`, description: "", requestKey };
    const made = await Promise.all([1, 2, 3].map(() => createPortalCase(customer, input)));
    expect(new Set(made.map((m) => m.number)).size).toBe(1);
    const c = await db().case.findUniqueOrThrow({ where: { number: made[0].number } });
    expect(await db().case.count({ where: { shortDescription: input.shortDescription } })).toBe(1);
    expect(await db().outboxMessage.count({ where: { event: "case.opened", sourceId: c.id } })).toBe(1);
  });
});
