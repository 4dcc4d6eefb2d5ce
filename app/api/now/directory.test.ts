// SET-5: the customer directory through the Table API — customer_account, customer_contact,
// csm_consumer and alm_asset take POST and PATCH (PUT alike) from admins and managers through the
// directory's services (SET-2): the same role check, unique names and emails, portal roles,
// versions (REC-6: a stale sys_mod_count is a 409) and audit (REC-5). Other roles get a 403 and
// change nothing; external users read only what ROLE-3 lets them (their account's assets).
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { ROLE, type Actor } from "@/lib/domain/auth/roles";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { TABLE } from "@/lib/domain/records/tables";
import { nextNumber } from "@/lib/server/records/numbers";
import { api, auditRowsBesideTokens, errorMessage, record, records, type ApiAnswer } from "@/lib/testing/api";
import {
  makeAccount,
  makeAdmin,
  makeAgent,
  makeCustomer,
  makeItil,
  makeManager,
  makeUser,
  unique,
} from "@/lib/testing/fixtures";

const path = (t: string, sysId?: string) => `/api/now/table/${t}${sysId ? `/${sysId}` : ""}`;
const KEEPERS: [string, () => Promise<Actor>][] = [
  ["an admin", makeAdmin],
  ["a manager", () => makeUser([ROLE.manager])],
];
const detail = (a: ApiAnswer) => (a.json.error as { detail: string }).detail;
const email = () => `${unique("p")}@crm.example`;

async function makeAsset(accountId: number) {
  return transaction(async (tx) =>
    tx.asset.create({
      data: { number: await nextNumber(tx, "asset"), name: unique("Laptop "), accountId },
    }),
  );
}

const auditOf = (table: string, recordId: number) =>
  db().auditEntry.findMany({ where: { table, recordId }, orderBy: { id: "asc" } });

/** Counts and versions of the directory's rows and the audit history: "nothing changed". */
const fingerprint = async () => ({
  accounts: await db().account.aggregate({ _count: true, _sum: { version: true } }),
  users: await db().user.aggregate({ _count: true, _sum: { version: true } }),
  active: await db().user.count({ where: { active: true } }),
  assets: await db().asset.aggregate({ _count: true, _sum: { version: true } }),
  audit: await auditRowsBesideTokens(),
});

describe("SET-5: admins and managers write the directory through the Table API", () => {
  for (const [who, make] of KEEPERS) {
    it(`SET-5: ${who} POSTs a customer_account, then PATCHes its name with the sys_mod_count it read; both audited`, async () => {
      const as = await make();
      const name = unique("Globex ");
      const created = await api("POST", path("customer_account"), {
        as,
        body: { name, customer: "true", partner: "true" },
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const acc = record(created);
      expect(acc).toMatchObject({
        name,
        customer: "true",
        partner: "true",
        active: "true",
        primary_contact: "",
        sys_mod_count: "1",
        sys_created_by: as.email,
      });
      expect(acc.number).toMatch(/^ACC\d+$/);
      const id = (await db().account.findUniqueOrThrow({ where: { number: String(acc.number) } })).id;
      expect(acc.sys_id).toBe(sysIdOf("customer_account", id));

      const renamed = await api("PATCH", path("customer_account", String(acc.sys_id)), {
        as,
        body: { name: `${name} Corp`, sys_mod_count: acc.sys_mod_count },
      });
      expect(renamed.status, JSON.stringify(renamed.json)).toBe(200);
      // a PATCH is partial: what it does not name keeps its value
      expect(record(renamed)).toMatchObject({
        name: `${name} Corp`,
        customer: "true",
        partner: "true",
        sys_mod_count: "2",
        sys_updated_by: as.email,
      });
      const audit = await auditOf(TABLE.account, id);
      expect(audit.map((a) => a.userId)).toEqual(audit.map(() => as.id));
      expect(audit.find((a) => a.field === "name" && a.newValue === `${name} Corp`)).toBeDefined();

      const stale = await api("PATCH", path("customer_account", String(acc.sys_id)), {
        as,
        body: { name: "Too late", sys_mod_count: "1" },
      });
      expect(stale.status).toBe(409);
      expect((await db().account.findUniqueOrThrow({ where: { id } })).name).toBe(`${name} Corp`);
    });

    it(`SET-5: ${who} POSTs a customer_contact, then PATCHes its phone with the sys_mod_count it read`, async () => {
      const as = await make();
      const account = await makeAccount();
      const address = email();
      const created = await api("POST", path("customer_contact"), {
        as,
        body: {
          name: "Ann Example",
          email: ` ${address.toUpperCase()} `,
          phone: "+1 555 0100",
          account: sysIdOf("customer_account", account.id),
          roles: "customer_admin, customer",
        },
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const contact = record(created);
      // SET-2: the email is stored trimmed and in lower case; snc_external is implied
      expect(contact).toMatchObject({
        name: "Ann Example",
        email: address,
        user_name: address,
        phone: "+1 555 0100",
        account: sysIdOf("customer_account", account.id),
        roles: "customer,customer_admin",
        active: "true",
        sys_mod_count: "1",
        sys_created_by: as.email,
      });
      const user = await db().user.findUniqueOrThrow({ where: { email: address }, include: { roles: true } });
      expect(user.kind).toBe("contact");
      expect(user.roles.map((r) => r.role).sort()).toEqual(["customer", "customer_admin", "snc_external"]);
      // PRO-2: the account's first contact is its primary contact
      expect((await db().account.findUniqueOrThrow({ where: { id: account.id } })).primaryContactId).toBe(
        user.id,
      );

      const patched = await api("PATCH", path("customer_contact", String(contact.sys_id)), {
        as,
        body: { phone: "+1 555 0199", sys_mod_count: contact.sys_mod_count },
      });
      expect(patched.status, JSON.stringify(patched.json)).toBe(200);
      expect(record(patched)).toMatchObject({
        name: "Ann Example",
        email: address,
        phone: "+1 555 0199",
        roles: "customer,customer_admin",
        sys_mod_count: "2",
        sys_updated_by: as.email,
      });
      const audit = await auditOf(TABLE.user, user.id);
      expect(audit.find((a) => a.field === "phone" && a.newValue === "+1 555 0199")).toMatchObject({
        userId: as.id,
      });

      const stale = await api("PATCH", path("customer_contact", String(contact.sys_id)), {
        as,
        body: { phone: "+1 555 0000", sys_mod_count: "1" },
      });
      expect(stale.status).toBe(409);
      expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).phone).toBe("+1 555 0199");
    });

    it(`SET-5: ${who} POSTs a csm_consumer, then PUTs its email with the sys_mod_count it read`, async () => {
      const as = await make();
      const address = email();
      const created = await api("POST", path("csm_consumer"), {
        as,
        body: { name: "Carl Consumer", email: address },
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const consumer = record(created);
      expect(consumer).toMatchObject({
        name: "Carl Consumer",
        email: address,
        phone: "",
        sys_mod_count: "1",
      });
      const user = await db().user.findUniqueOrThrow({ where: { email: address }, include: { roles: true } });
      expect(user.kind).toBe("consumer");
      expect(user.roles.map((r) => r.role).sort()).toEqual(["consumer", "snc_external"]);
      // a consumer is no contact, nor the other way round
      expect((await api("GET", path("customer_contact", String(consumer.sys_id)), { as })).status).toBe(404);

      const moved = email();
      const put = await api("PUT", path("csm_consumer", String(consumer.sys_id)), {
        as,
        body: { email: moved, sys_mod_count: "1" },
      });
      expect(put.status, JSON.stringify(put.json)).toBe(200);
      expect(record(put)).toMatchObject({ name: "Carl Consumer", email: moved, sys_mod_count: "2" });
      const audit = await auditOf(TABLE.user, user.id);
      expect(audit.find((a) => a.field === "email" && a.oldValue !== null)).toMatchObject({
        oldValue: address,
        newValue: moved,
      });

      const stale = await api("PATCH", path("csm_consumer", String(consumer.sys_id)), {
        as,
        body: { name: "Stale", sys_mod_count: "1" },
      });
      expect(stale.status).toBe(409);
    });

    it(`SET-5: ${who} POSTs an alm_asset, then PATCHes its serial number and account with the sys_mod_count it read`, async () => {
      const as = await make();
      const [first, second] = [await makeAccount(), await makeAccount()];
      const created = await api("POST", path("alm_asset"), {
        as,
        body: {
          name: "Router",
          serial_number: "SN-1",
          account: sysIdOf("customer_account", first.id),
          number: "AST9999999",
        },
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const asset = record(created);
      // number is the server's (read only, ignored as ServiceNow ignores it)
      expect(asset.number).toMatch(/^AST\d+$/);
      expect(asset.number).not.toBe("AST9999999");
      expect(asset).toMatchObject({
        name: "Router",
        serial_number: "SN-1",
        account: sysIdOf("customer_account", first.id),
        sys_mod_count: "1",
        sys_created_by: as.email,
      });
      const shown = await api(
        "GET",
        `${path("alm_asset", String(asset.sys_id))}?sysparm_display_value=true`,
        {
          as,
        },
      );
      expect(record(shown).account).toBe(first.name);

      const patched = await api("PATCH", path("alm_asset", String(asset.sys_id)), {
        as,
        body: { serial_number: "SN-2", account: sysIdOf("customer_account", second.id), sys_mod_count: "1" },
      });
      expect(patched.status, JSON.stringify(patched.json)).toBe(200);
      expect(record(patched)).toMatchObject({
        name: "Router",
        serial_number: "SN-2",
        account: sysIdOf("customer_account", second.id),
        sys_mod_count: "2",
      });
      const id = (await db().asset.findUniqueOrThrow({ where: { number: String(asset.number) } })).id;
      const audit = await auditOf(TABLE.asset, id);
      expect(audit.map((a) => a.field)).toEqual(expect.arrayContaining(["serialNumber", "accountId"]));

      const stale = await api("PATCH", path("alm_asset", String(asset.sys_id)), {
        as,
        body: { name: "Stale", sys_mod_count: "1" },
      });
      expect(stale.status).toBe(409);
      expect((await db().asset.findUniqueOrThrow({ where: { id } })).name).toBe("Router");
    });
  }

  it("SET-5 / API-2: a record read and PUT back unchanged saves nothing (roles and account included)", async () => {
    const as = await makeManager();
    const { account, contact } = await makeCustomer();
    const asset = await makeAsset(account.id);
    for (const [t, id] of [
      ["customer_account", account.id],
      ["customer_contact", contact.id],
      ["alm_asset", asset.id],
    ] as const) {
      const before = await fingerprint();
      const read = record(await api("GET", path(t, sysIdOf(t, id)), { as }));
      const put = await api("PUT", path(t, sysIdOf(t, id)), { as, body: read });
      expect(put.status, `${t}: ${JSON.stringify(put.json)}`).toBe(200);
      expect(record(put), t).toEqual(read);
      expect(await fingerprint(), t).toEqual(before);
    }
  });

  it("SET-5 / SET-2: PATCH active is Deactivate / Reactivate — an account's contacts go with it", async () => {
    const as = await makeAdmin();
    const { account, contact } = await makeCustomer();
    const accountPath = path("customer_account", sysIdOf("customer_account", account.id));
    const off = await api("PATCH", accountPath, { as, body: { active: "false" } });
    expect(off.status, JSON.stringify(off.json)).toBe(200);
    expect(record(off).active).toBe("false");
    expect((await db().user.findUniqueOrThrow({ where: { id: contact.id } })).active).toBe(false);
    // a contact of a deactivated account stays inactive until the account is back
    const contactPath = path("customer_contact", sysIdOf("customer_contact", contact.id));
    const refused = await api("PATCH", contactPath, { as, body: { active: "true" } });
    expect(refused.status).toBe(400);
    expect(detail(refused)).toMatch(/^account: /);
    expect(record(await api("PATCH", accountPath, { as, body: { active: "true" } })).active).toBe("true");
    expect(record(await api("PATCH", contactPath, { as, body: { active: "true" } })).active).toBe("true");
    const audit = await auditOf(TABLE.user, contact.id);
    expect(audit.filter((a) => a.field === "active").map((a) => a.newValue)).toEqual(["false", "true"]);
    // a consumer made inactive from the start
    const made = await api("POST", path("csm_consumer"), {
      as,
      body: { name: "Dormant", email: email(), active: "false" },
    });
    expect(made.status).toBe(201);
    expect(record(made).active).toBe("false");
  });
});

describe("SET-5: the directory's checks answer as the API answers errors, naming the API field", () => {
  it("SET-5 / SET-2: a duplicate email is a 409 and a lookalike or invisible one a 400, each naming email", async () => {
    const as = await makeManager();
    const { account, contact } = await makeCustomer();
    const consumer = await makeUser([ROLE.consumer, ROLE.external], { kind: "consumer" });
    const before = await fingerprint();
    const post = (address: string) =>
      api("POST", path("customer_contact"), {
        as,
        body: { name: "Twin", email: address, account: sysIdOf("customer_account", account.id) },
      });
    const duplicate = await post(`  ${contact.email.toUpperCase()}`);
    expect(duplicate.status).toBe(409);
    expect(detail(duplicate)).toMatch(/^email: /);
    const cyrillic = await post("\u0430nna@crm.example");
    expect(cyrillic.status).toBe(400);
    expect(detail(cyrillic)).toMatch(/^email: /);
    expect(errorMessage(cyrillic)).toContain("U+0430");
    const invisible = await post("an\u200bna@crm.example");
    expect(invisible.status).toBe(400);
    expect(errorMessage(invisible)).toContain("U+200B");
    // the same on a consumer's PATCH
    const taken = await api("PATCH", path("csm_consumer", sysIdOf("csm_consumer", consumer.id)), {
      as,
      body: { email: contact.email },
    });
    expect(taken.status).toBe(409);
    expect(detail(taken)).toMatch(/^email: /);
    expect(await fingerprint()).toEqual(before);
  });

  it("SET-5 / SET-2: an account name taken in another letter case and spacing is a 409 naming name", async () => {
    const as = await makeAdmin();
    const account = await makeAccount({ name: unique("Initech Ltd ") });
    const answer = await api("POST", path("customer_account"), {
      as,
      body: { name: ` ${account.name.toUpperCase().replace(/ /g, "   ")} ` },
    });
    expect(answer.status).toBe(409);
    expect(detail(answer)).toMatch(/^name: /);
  });

  it("SET-5 / API-3: the form's refusals name the API field — account, customer, primary_contact, roles", async () => {
    const as = await makeManager();
    const { account, contact } = await makeCustomer();
    const other = await makeCustomer();
    const before = await fingerprint();
    const expectField = (a: ApiAnswer, field: string, status = 400) => {
      expect(a.status, JSON.stringify(a.json)).toBe(status);
      expect(detail(a)).toMatch(new RegExp(`^${field}: `));
    };
    expectField(
      await api("POST", path("customer_contact"), { as, body: { name: "No account", email: email() } }),
      "account",
    );
    expectField(
      await api("POST", path("customer_contact"), {
        as,
        body: {
          name: "Bad role",
          email: email(),
          account: sysIdOf("customer_account", account.id),
          roles: "admin",
        },
      }),
      "roles",
    );
    const accountPath = path("customer_account", sysIdOf("customer_account", account.id));
    expectField(await api("PATCH", accountPath, { as, body: { customer: "false" } }), "customer");
    expectField(
      await api("PATCH", accountPath, {
        as,
        body: { primary_contact: sysIdOf("customer_contact", other.contact.id) },
      }),
      "primary_contact",
    );
    expectField(
      await api("POST", path("customer_account"), {
        as,
        body: { name: unique("Acme "), primary_contact: sysIdOf("customer_contact", contact.id) },
      }),
      "primary_contact",
    );
    // a contact stays with their account
    expectField(
      await api("PATCH", path("customer_contact", sysIdOf("customer_contact", contact.id)), {
        as,
        body: { account: sysIdOf("customer_account", other.account.id) },
      }),
      "account",
    );
    expectField(
      await api("POST", path("alm_asset"), {
        as,
        body: { name: "", account: sysIdOf("customer_account", account.id) },
      }),
      "name",
    );
    expect(await fingerprint()).toEqual(before);
  });
});

describe("SET-5 / ROLE-2 / ROLE-3: who may not write the directory", () => {
  it("SET-5 / ROLE-2: an agent and an itil user get a 403 on every POST and PATCH, and nothing changes", async () => {
    const { account, contact } = await makeCustomer();
    const consumer = await makeUser([ROLE.consumer, ROLE.external], { kind: "consumer" });
    const asset = await makeAsset(account.id);
    const targets = [
      ["customer_account", account.id, { name: unique("Hijack ") }],
      [
        "customer_contact",
        contact.id,
        { name: "x", email: email(), account: sysIdOf("customer_account", account.id) },
      ],
      ["csm_consumer", consumer.id, { name: "x", email: email() }],
      ["alm_asset", asset.id, { name: "x", account: sysIdOf("customer_account", account.id) }],
    ] as const;
    for (const as of [await makeAgent(), await makeItil()]) {
      const before = await fingerprint();
      for (const [t, id, body] of targets) {
        // they read the table (the workspace's pickers)…
        expect((await api("GET", path(t, sysIdOf(t, id)), { as })).status, t).toBe(200);
        // …but write nothing, whatever the body holds
        for (const [method, p, b] of [
          ["POST", path(t), body],
          ["PATCH", path(t, sysIdOf(t, id)), { name: "Renamed" }],
          ["PUT", path(t, sysIdOf(t, id)), { name: "Renamed", active: "false" }],
          ["PATCH", path(t, sysIdOf(t, id)), { active: "maybe", no_such_field: 1 }],
        ] as const) {
          const answer = await api(method, p, { as, body: b });
          expect(answer.status, `${method} ${t}: ${JSON.stringify(answer.json)}`).toBe(403);
          expect(answer.json.status).toBe("failure");
        }
      }
      expect(await fingerprint()).toEqual(before);
    }
  });

  it("SET-5 / ROLE-3: a customer writes nothing in the directory — not even their own record — and reads only their account's assets", async () => {
    const { account, contact } = await makeCustomer();
    const other = await makeCustomer();
    const mine = await makeAsset(account.id);
    const theirs = await makeAsset(other.account.id);
    const before = await fingerprint();
    for (const [method, p, body] of [
      ["POST", path("customer_account"), { name: unique("Mine ") }],
      ["PATCH", path("customer_account", sysIdOf("customer_account", account.id)), { name: "Renamed" }],
      ["PATCH", path("customer_contact", sysIdOf("customer_contact", contact.id)), { phone: "123456" }],
      ["POST", path("customer_contact"), { name: "Friend", email: email() }],
      ["POST", path("csm_consumer"), { name: "Friend", email: email() }],
      ["POST", path("alm_asset"), { name: "Mine", account: sysIdOf("customer_account", account.id) }],
      ["PATCH", path("alm_asset", sysIdOf("alm_asset", mine.id)), { name: "Renamed" }],
    ] as const) {
      const answer = await api(method, p, { as: contact, body });
      expect(answer.status, `${method} ${p}`).toBe(403);
    }
    expect(await fingerprint()).toEqual(before);

    const list = await api("GET", `${path("alm_asset")}?sysparm_display_value=true`, { as: contact });
    expect(list.status).toBe(200);
    expect(records(list).map((r) => r.sys_id)).toEqual([sysIdOf("alm_asset", mine.id)]);
    // the portal's fields: no sys_mod_count, no "by" fields
    expect(Object.keys(records(list)[0]).sort()).toEqual(
      ["account", "name", "number", "serial_number", "sys_created_on", "sys_id", "sys_updated_on"].sort(),
    );
    const shape = (a: ApiAnswer, sysId: string) => ({
      status: a.status,
      body: JSON.stringify(a.json).replaceAll(sysId, "<id>"),
    });
    const another = sysIdOf("alm_asset", theirs.id);
    const madeUp = sysIdOf("alm_asset", 2_000_000_000);
    const hidden = shape(await api("GET", path("alm_asset", another), { as: contact }), another);
    expect(hidden.status).toBe(404);
    expect(hidden).toEqual(shape(await api("GET", path("alm_asset", madeUp), { as: contact }), madeUp));
    // a PATCH of another account's asset is that same 404, not a 403 that would confirm it exists
    const patch = shape(
      await api("PATCH", path("alm_asset", another), { as: contact, body: { name: "x" } }),
      another,
    );
    expect(patch).toEqual(
      shape(await api("PATCH", path("alm_asset", madeUp), { as: contact, body: { name: "x" } }), madeUp),
    );
    // csm_consumer: nothing for a contact; a consumer reads themself only
    expect(records(await api("GET", path("csm_consumer"), { as: contact }))).toEqual([]);
    const consumer = await makeUser([ROLE.consumer, ROLE.external], { kind: "consumer" });
    await makeUser([ROLE.consumer, ROLE.external], { kind: "consumer" });
    const own = records(await api("GET", path("csm_consumer"), { as: consumer }));
    expect(own.map((r) => r.sys_id)).toEqual([sysIdOf("csm_consumer", consumer.id)]);
    expect(records(await api("GET", path("alm_asset"), { as: consumer }))).toEqual([]);
  });
});

describe("ROLE-3 / SET-5: a contact without a portal role", () => {
  it("ROLE-3 / SET-5: reads their own user record and nothing of their account — its assets answer 403 as its cases do", async () => {
    const { account, contact } = await makeCustomer();
    await transaction((tx) =>
      tx.asset.create({ data: { number: `AROLE${Date.now()}`, name: "Router", accountId: account.id } }),
    );
    // An admin takes the portal role away (not deactivated: the session and tokens go on).
    await db().userRole.deleteMany({ where: { userId: contact.id, role: { not: ROLE.external } } });
    const as = { ...contact, roles: [ROLE.external] } as Actor;
    expect((await api("GET", path("alm_asset"), { as })).status).toBe(403);
    expect((await api("GET", path("sn_customerservice_case"), { as })).status).toBe(403);
    const own = await api("GET", path("sys_user"), { as });
    expect(own.status).toBe(200);
    expect(records(own)).toHaveLength(1);
  });
});
