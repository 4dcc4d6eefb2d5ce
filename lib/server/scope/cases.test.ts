import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db";
import { ROLE, type Actor } from "@/lib/domain/auth/roles";
import { externalScope, scopeWhere } from "@/lib/domain/scope/external";
import { makeAccount, makeAdmin, makeCase, makeUser, unique } from "@/lib/testing/fixtures";
import { removeRelatedAccount } from "../directory/relationships";
import { rejection } from "@/lib/testing/refusal";
import { makePortalWorld, VISIBLE, type PortalWorld, type WorldCase } from "@/lib/testing/portal-world";
import { externalCaseFilter, getExternalCaseRef } from "./cases";

let world: PortalWorld;
beforeAll(async () => {
  world = await makePortalWorld();
});

/** What a number that does not exist answers, for the number `number`. */
const missing = async (actor: Actor, number: string) => {
  const ghost = `CS9${unique("")}`;
  const answer = await rejection(getExternalCaseRef(actor, ghost));
  return { ...answer, message: answer.message.replace(ghost, number) };
};

/** The world's cases `actor` reaches by number. */
async function reachable(actor: Actor): Promise<WorldCase[]> {
  const keys = Object.keys(world.cases) as WorldCase[];
  const found = await Promise.all(
    keys.map((k) =>
      getExternalCaseRef(actor, world.cases[k].number).then(
        (ref) => ref.id === world.cases[k].id && ref.number === world.cases[k].number,
        () => false,
      ),
    ),
  );
  return keys.filter((_, i) => found[i]).sort();
}

describe("external case scope (ROLE-3, POR-1, POR-4)", () => {
  it("ROLE-3: a customer sees their own contact case, not a colleague's case of the same account", async () => {
    expect(await reachable(world.users.customer)).toEqual(["own"]);
  });

  it("ROLE-3: a customer admin sees every case of their account", async () => {
    expect(await reachable(world.users.customerAdmin)).toEqual(["colleague", "own"]);
  });

  it("ROLE-3, POR-4: another account's case answers not found, exactly as a number that does not exist", async () => {
    const actor = world.users.otherCustomer;
    const number = world.cases.own.number;
    const answer = await rejection(getExternalCaseRef(actor, number));
    expect(answer).toEqual({ kind: "not_found", message: `Case ${number} was not found.` });
    expect(answer).toEqual(await missing(actor, number));
    expect(await reachable(actor)).toEqual(["other"]);
  });

  it("ROLE-3: a partner sees only the cases where they are the partner contact", async () => {
    expect(await reachable(world.users.partner)).toEqual(["own"]);
  });

  it("ROLE-3: a partner admin sees the related account's cases and their own account's, not an unrelated account's", async () => {
    expect(await reachable(world.users.partnerAdmin)).toEqual(["colleague", "own", "partnerAccount"]);
  });

  it("ROLE-3: a consumer sees only their own cases", async () => {
    expect(await reachable(world.users.consumer)).toEqual(["consumer"]);
  });

  it("ROLE-3: internal users, external users without a portal role and nobody signed in are refused", async () => {
    const number = world.cases.own.number;
    expect((await rejection(getExternalCaseRef(world.agent, number))).kind).toBe("forbidden");
    expect((await rejection(getExternalCaseRef(await makeUser([ROLE.admin]), number))).kind).toBe(
      "forbidden",
    );
    const roleless = await makeUser([ROLE.external], {
      kind: "contact",
      accountId: world.accounts.customer.id,
    });
    expect((await rejection(getExternalCaseRef(roleless, number))).kind).toBe("forbidden");
    expect((await rejection(getExternalCaseRef(null, number))).kind).toBe("unauthenticated");
    expect(() => externalCaseFilter(world.agent, "c")).toThrow(/permission|portal/);
  });

  it("ROLE-3: the filter composes into one statement over any alias and matches each role's cases", async () => {
    const ids = Object.values(world.cases).map((c) => c.id);
    for (const [user, keys] of Object.entries(VISIBLE)) {
      const actor = world.users[user as keyof typeof VISIBLE];
      const rows = await db().$queryRaw<{ number: string }[]>`
        SELECT k."number" FROM "Case" k
        WHERE k."id" IN (${Prisma.join(ids)}) AND ${externalCaseFilter(actor, "k")}`;
      const expected = keys.map((k) => world.cases[k].number);
      expect(rows.map((r) => r.number).sort(), user).toEqual(expected.sort());
    }
    expect(() => externalCaseFilter(world.users.customer, `c"; --`)).toThrow();
  });
});

describe("a partner relationship ended (ROLE-3, SET-2)", () => {
  it("ROLE-3: after Remove of the partner ↔ customer relationship, the partner contact's case of that customer answers not found", async () => {
    const customer = await makeAccount();
    const partner = await makeAccount({ partner: true });
    await db().accountRelationship.create({
      data: { partnerAccountId: partner.id, customerAccountId: customer.id },
    });
    const partnerContact = await makeUser([ROLE.partner, ROLE.external], {
      kind: "contact",
      accountId: partner.id,
    });
    const agent = world.agent;
    const theirs = { partnerId: partner.id, partnerContactId: partnerContact.id };
    const cases = {
      customers: await makeCase(agent, { accountId: customer.id, ...theirs }),
      ownAccount: await makeCase(agent, { accountId: partner.id, ...theirs }),
      noAccount: await makeCase(agent, theirs),
    };
    /** The numbers the partner contact reaches, through the SQL predicate and through the Prisma where. */
    const seen = async () => {
      const ids = Object.values(cases).map((c) => c.id);
      const bySql = await db().$queryRaw<{ number: string }[]>`
        SELECT k."number" FROM "Case" k WHERE k."id" IN (${Prisma.join(ids)})
        AND ${externalCaseFilter(partnerContact, "k")} ORDER BY k."number"`;
      const byWhere = await db().case.findMany({
        where: { AND: [{ id: { in: ids } }, scopeWhere(externalScope(partnerContact))] },
        select: { number: true },
        orderBy: { number: "asc" },
      });
      expect(byWhere.map((r) => r.number)).toEqual(bySql.map((r) => r.number));
      return bySql.map((r) => r.number);
    };
    const all = Object.values(cases)
      .map((c) => c.number)
      .sort();
    expect(await seen()).toEqual(all);

    await removeRelatedAccount(await makeAdmin(), customer.number, { otherAccountId: partner.id });
    expect(await seen()).toEqual([cases.ownAccount.number, cases.noAccount.number].sort());
    const answer = await rejection(getExternalCaseRef(partnerContact, cases.customers.number));
    expect(answer).toEqual(await missing(partnerContact, cases.customers.number));
  });
});

describe("a consumer's case is the consumer's alone (ROLE-3)", () => {
  it("ROLE-3: a case holding an account and a consumer from before is not the account's — neither its customer admin nor its partner's admin reaches it, by SQL or by the Table API's where", async () => {
    const agent = await makeAdmin();
    const consumer = await makeUser([ROLE.consumer, ROLE.external], { kind: "consumer" });
    const c = await makeCase(agent, { consumerId: consumer.id });
    // As data written before the rule: both set, straight in the table.
    await db().case.update({ where: { id: c.id }, data: { accountId: world.accounts.customer.id } });
    for (const who of [world.users.customerAdmin, world.users.partnerAdmin]) {
      expect(await rejection(getExternalCaseRef(who, c.number))).toEqual(await missing(who, c.number));
      const where = scopeWhere(externalScope(who));
      expect(await db().case.count({ where: { AND: [{ id: c.id }, where] } })).toBe(0);
    }
    expect((await getExternalCaseRef(consumer, c.number)).id).toBe(c.id);
    // The account's own cases stay theirs.
    expect((await getExternalCaseRef(world.users.customerAdmin, world.cases.own.number)).id).toBe(
      world.cases.own.id,
    );
  });
});
