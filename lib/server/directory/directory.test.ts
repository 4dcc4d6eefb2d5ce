// SET-2: the customer directory's services — who may write, emails and names kept unique, versions
// (REC-6), audit rows (REC-5), deactivation and relationships.
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import {
  makeAccount,
  makeAdmin,
  makeAgent,
  makeCase,
  makeCustomer,
  makeUser,
  unique,
} from "@/lib/testing/fixtures";
import { holdRow, untilWaiting } from "@/lib/testing/locks";
import { replyOnPortal } from "../portal/answers";
import { createSession } from "../auth/sessions";
import { nextNumber } from "../records/numbers";
import { addUserRole, removeUserRole } from "../users/access";
import { accountPage } from "./read";
import { createAccount, setAccountActive, updateAccount } from "./accounts";
import { createAsset, updateAsset } from "./assets";
import { createConsumer, updateConsumer } from "./consumers";
import { createCaseContact, createContact, setPersonActive, updateContact } from "./contacts";
import { addRelatedAccount, removeRelatedAccount } from "./relationships";

const manager = () => makeUser([ROLE.manager]);
const email = (p = "p") => `${unique(p)}@test.example`;
const auditOf = (table: string, recordId: number) =>
  db().auditEntry.findMany({ where: { table, recordId }, orderBy: { id: "asc" } });

describe("SET-2: who writes the directory", () => {
  it("SET-2: admins and managers write; agents, ITIL users and customers are refused and nothing changes", async () => {
    const account = await makeAccount();
    expect(await createAccount(await makeAdmin(), { name: unique("Admin Co ") })).toMatchObject({
      active: true,
    });
    expect(await createAccount(await manager(), { name: unique("Mgr Co ") })).toMatchObject({ active: true });
    const callers = [await makeAgent(), await makeUser([ROLE.itil]), (await makeCustomer()).contact];
    const before = {
      accounts: await db().account.count(),
      users: await db().user.count(),
      assets: await db().asset.count(),
    };
    for (const who of callers) {
      await expect(createAccount(who, { name: unique("No ") })).rejects.toMatchObject({ kind: "forbidden" });
      await expect(
        createContact(who, { name: "X", email: email(), accountId: account.id }),
      ).rejects.toMatchObject({
        kind: "forbidden",
      });
      await expect(createConsumer(who, { name: "X", email: email() })).rejects.toMatchObject({
        kind: "forbidden",
      });
      await expect(createAsset(who, { name: "X", accountId: account.id })).rejects.toMatchObject({
        kind: "forbidden",
      });
      await expect(setAccountActive(who, account.number, { active: "false" })).rejects.toMatchObject({
        kind: "forbidden",
      });
    }
    expect({
      accounts: await db().account.count(),
      users: await db().user.count(),
      assets: await db().asset.count(),
    }).toEqual(before);
  });

  it("SET-2: an agent adds a contact to the case's account from the case form (New contact); a customer cannot", async () => {
    const account = await makeAccount();
    const agent = await makeAgent();
    const added = await createCaseContact(agent, {
      name: "Nina New",
      email: email("nina"),
      accountId: String(account.id),
    });
    const user = await db().user.findUniqueOrThrow({ where: { id: added.id }, include: { roles: true } });
    expect(user).toMatchObject({ kind: "contact", accountId: account.id, passwordHash: null });
    // No portal role: an agent cannot make a customer's sign-in (an admin or manager gives roles and invites).
    expect(user.roles.map((r) => r.role)).toEqual([ROLE.external]);
    // The account's first contact becomes its primary contact (PRO-2), audited.
    expect((await db().account.findUniqueOrThrow({ where: { id: account.id } })).primaryContactId).toBe(
      added.id,
    );
    const { contact } = await makeCustomer();
    await expect(
      createCaseContact(contact, { name: "X", email: email(), accountId: String(account.id) }),
    ).rejects.toMatchObject({
      kind: "forbidden",
    });
  });
});

describe("SET-2: emails and names", () => {
  it("SET-2: a duplicate email in another letter case, or with an invisible character, is refused naming Email", async () => {
    const m = await manager();
    const account = await makeAccount();
    const first = email("dup");
    await createContact(m, { name: "A", email: first, accountId: account.id });
    await expect(
      createContact(m, { name: "B", email: ` ${first.toUpperCase()} `, accountId: account.id }),
    ).rejects.toMatchObject({
      kind: "conflict",
      field: "email",
    });
    await expect(createConsumer(m, { name: "C", email: first })).rejects.toMatchObject({ field: "email" });
    await expect(
      createConsumer(m, { name: "E", email: `${first.slice(0, 2)}\u200b${first.slice(2)}` }),
    ).rejects.toMatchObject({
      field: "email",
    });
    expect(await db().user.count({ where: { email: first } })).toBe(1);
  });

  it("SET-2: two concurrent creations of one email make one user", async () => {
    const m = await manager();
    const e = email("race");
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => createConsumer(m, { name: "R", email: e })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().user.count({ where: { email: e } })).toBe(1);
  });

  it("SET-2: account names are unique in any letter case and spacing", async () => {
    const m = await manager();
    const name = unique("Unique Co ");
    await createAccount(m, { name });
    await expect(createAccount(m, { name: `  ${name.toUpperCase()} ` })).rejects.toMatchObject({
      kind: "conflict",
      field: "name",
    });
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => createAccount(m, { name: `${name} 2` })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

describe("SET-2: editing, versions and history", () => {
  it("REC-6 / REC-5: a stale account form is refused; a saved one is audited field by field", async () => {
    const m = await manager();
    const a = await createAccount(m, { name: unique("Edit Co "), isCustomer: "on" });
    const contact = await createContact(m, { name: "Primo", email: email(), accountId: a.id });
    await updateAccount(m, a.number, {
      name: `${a.name} Ltd`,
      isCustomer: "on",
      isPartner: "on",
      primaryContactId: String(contact.id),
      version: "2",
    });
    await expect(
      updateAccount(m, a.number, { name: "Stale", isCustomer: "on", version: "2" }),
    ).rejects.toMatchObject({
      kind: "conflict",
      field: "version",
    });
    const fields = (await auditOf("customer_account", a.id)).map((r) => r.field);
    expect(fields).toEqual(expect.arrayContaining(["name", "isPartner", "primaryContactId"]));
    const other = await makeCustomer();
    await expect(
      updateAccount(m, a.number, {
        name: a.name,
        isCustomer: "on",
        primaryContactId: String(other.contact.id),
        version: "3",
      }),
    ).rejects.toMatchObject({ field: "primaryContactId" });
  });

  it("SET-2: a contact deactivated while the account form makes them primary contact is refused there, not left primary", async () => {
    const m = await manager();
    const { account, contact } = await makeCustomer();
    let saving: Promise<unknown> | undefined;
    await transaction(async (tx) => {
      await setPersonActive(m, String(contact.id), "contact", { active: "false" }, tx);
      saving = updateAccount(m, account.number, {
        name: account.name,
        isCustomer: "on",
        primaryContactId: String(contact.id),
        version: String(account.version),
      }).catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 300));
    });
    expect(await saving).toMatchObject({ field: "primaryContactId" });
    expect((await db().account.findUniqueOrThrow({ where: { id: account.id } })).primaryContactId).toBeNull();
  });

  it("REC-6 / ROLE-3: an Edit dialog opened before an admin gave or took a role is stale — it never undoes the change", async () => {
    const m = await manager();
    const admin = await makeAdmin();
    const account = await makeAccount();
    const c = await createContact(m, {
      name: "Jane",
      email: email(),
      accountId: account.id,
      roles: "customer",
    });
    const opened = (await db().user.findUniqueOrThrow({ where: { id: c.id } })).version;
    const rolesOf = async () =>
      (await db().userRole.findMany({ where: { userId: c.id } })).map((r) => r.role).sort();
    await addUserRole(admin, { userId: String(c.id), role: ROLE.customerAdmin });
    await expect(
      updateContact(m, c.id, {
        name: "Jane",
        email: c.email,
        phone: "+1 555 0100",
        roles: "customer",
        version: String(opened),
      }),
    ).rejects.toMatchObject({ field: "version" });
    expect(await rolesOf()).toContain(ROLE.customerAdmin);
    // And the reverse: a role taken away is not given back by a dialog opened before.
    const reopened = (await db().user.findUniqueOrThrow({ where: { id: c.id } })).version;
    await removeUserRole(admin, { userId: String(c.id), role: ROLE.customerAdmin });
    await expect(
      updateContact(m, c.id, {
        name: "Jane",
        email: c.email,
        roles: "customer,customer_admin",
        version: String(reopened),
      }),
    ).rejects.toMatchObject({ field: "version" });
    expect(await rolesOf()).not.toContain(ROLE.customerAdmin);
  });

  it("REC-6: a contact's form sets its roles exactly and keeps snc_external; a stale one is refused", async () => {
    const m = await manager();
    const account = await makeAccount();
    const c = await createContact(m, {
      name: "Rita",
      email: email(),
      accountId: account.id,
      roles: "customer",
    });
    await updateContact(m, c.id, {
      name: "Rita R",
      email: c.email,
      roles: "customer_admin,customer",
      version: "1",
    });
    const roles = (await db().userRole.findMany({ where: { userId: c.id } })).map((r) => r.role).sort();
    expect(roles).toEqual([ROLE.customer, ROLE.customerAdmin, ROLE.external].sort());
    await expect(updateContact(m, c.id, { name: "Old", email: c.email, version: "1" })).rejects.toMatchObject(
      { field: "version" },
    );
    await expect(
      updateContact(m, c.id, { name: "X", email: c.email, roles: "itil", version: "2" }),
    ).rejects.toMatchObject({
      field: "roles",
    });
    const consumer = await createConsumer(m, { name: "Con", email: email() });
    await expect(
      updateContact(m, consumer.id, { name: "X", email: consumer.email, version: "1" }),
    ).rejects.toMatchObject({
      kind: "not_found",
    });
    await updateConsumer(m, consumer.id, {
      name: "Con S",
      email: consumer.email,
      phone: "+44 20 7946 0000",
      version: "1",
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: consumer.id } })).phone).toBe(
      "+44 20 7946 0000",
    );
  });

  it("SET-2: assets get numbers, are versioned and audited", async () => {
    const m = await manager();
    const account = await makeAccount();
    const asset = await createAsset(m, {
      name: "Core switch",
      serialNumber: "SN-9",
      accountId: String(account.id),
    });
    expect(asset.number).toMatch(/^AST\d{7}$/);
    await updateAsset(m, asset.number, {
      name: "Core switch 2",
      accountId: String(account.id),
      version: "1",
    });
    await expect(
      updateAsset(m, asset.number, { name: "x", accountId: String(account.id), version: "1" }),
    ).rejects.toMatchObject({
      field: "version",
    });
    expect((await auditOf("alm_asset", asset.id)).map((r) => r.field)).toEqual(
      expect.arrayContaining(["name", "serialNumber"]),
    );
  });

  it("SET-2 / SET-3: a serial number names one asset of its account, in any letter case; another account may repeat it", async () => {
    const m = await manager();
    const [account, other] = await Promise.all([makeAccount(), makeAccount()]);
    const first = await createAsset(m, {
      name: "Pay server",
      serialNumber: "SN-PAY-1",
      accountId: String(account.id),
    });
    const before = await db().asset.count();
    await expect(
      createAsset(m, { name: "Twin", serialNumber: " sn-pay-1 ", accountId: String(account.id) }),
    ).rejects.toMatchObject({
      field: "serialNumber",
      message: `Serial number: asset ${first.number} of this account already has “sn-pay-1”.`,
    });
    expect(await db().asset.count()).toBe(before);
    // Another account's asset may carry it; moving it into this account, or renaming a serial to it, may not.
    const theirs = await createAsset(m, {
      name: "Theirs",
      serialNumber: "SN-PAY-1",
      accountId: String(other.id),
    });
    await expect(
      updateAsset(m, theirs.number, {
        name: "Theirs",
        serialNumber: "SN-PAY-1",
        accountId: String(account.id),
        version: "1",
      }),
    ).rejects.toMatchObject({ field: "serialNumber" });
    // Saving the asset itself with its own serial (in another case) is no conflict.
    await updateAsset(m, first.number, {
      name: "Pay server 2",
      serialNumber: "sn-pay-1",
      accountId: String(account.id),
      version: "1",
    });
  });

  it("SET-2: two assets given one serial number at once make one; letters outside ASCII fold on both databases", async () => {
    const m = await manager();
    const account = await makeAccount();
    const serial = unique("SN-É");
    const tries = await Promise.allSettled(
      ["One", "Two", "Three"].map((name) =>
        createAsset(m, { name, serialNumber: serial, accountId: String(account.id) }),
      ),
    );
    expect(tries.filter((t) => t.status === "fulfilled")).toHaveLength(1);
    for (const t of tries)
      if (t.status === "rejected") expect(t.reason).toMatchObject({ field: "serialNumber" });
    expect(await db().asset.count({ where: { accountId: account.id } })).toBe(1);
    // "é" is the serial "É" (SQLite's UPPER folds ASCII only; the key is made in one place).
    await expect(
      createAsset(m, { name: "Lower", serialNumber: serial.toLowerCase(), accountId: String(account.id) }),
    ).rejects.toMatchObject({ field: "serialNumber" });
  });
});

describe("SET-2: deactivation and relationships", () => {
  it("SET-2: deactivating an account deactivates its contacts — signed out, tokens revoked — and hides it from pickers", async () => {
    const m = await manager();
    const { account, contact } = await makeCustomer();
    await createSession(contact.id);
    const r = await setAccountActive(m, account.number, { active: "false" });
    expect(r).toMatchObject({ changed: true, contacts: 1 });
    expect(await db().user.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ active: false });
    expect(await db().session.count({ where: { userId: contact.id } })).toBe(0);
    await expect(
      createContact(m, { name: "Late", email: email(), accountId: account.id }),
    ).rejects.toMatchObject({
      field: "accountId",
    });
    await expect(setPersonActive(m, contact.id, "contact", { active: "true" })).rejects.toMatchObject({
      field: "accountId",
    });
    await setAccountActive(m, account.number, { active: "true" });
    expect(await db().user.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ active: false });
    await setPersonActive(m, contact.id, "contact", { active: "true" });
    expect(await db().user.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ active: true });
  });

  it("SET-2 / REC-5: two deactivations of one account at once change and audit it once", async () => {
    const m = await manager();
    const { account } = await makeCustomer();
    const release = await holdRow("Account", account.id);
    const both = Promise.all([
      setAccountActive(m, account.number, { active: "false" }),
      setAccountActive(m, account.number, { active: "false" }),
    ]);
    await untilWaiting(2, both);
    await release();
    expect((await both).map((r) => r.changed).sort()).toEqual([false, true]);
    expect((await auditOf("customer_account", account.id)).filter((r) => r.field === "active")).toHaveLength(
      1,
    );
  });

  it("SET-2 / ROLE-3: relating a partner to a customer, from either side, once; removing it", async () => {
    const m = await manager();
    const partner = await makeAccount({ partner: true });
    const customer = await makeAccount();
    expect(await addRelatedAccount(m, customer.number, { otherAccountId: String(partner.id) })).toMatchObject(
      { changed: true },
    );
    expect(await addRelatedAccount(m, partner.number, { otherAccountId: String(customer.id) })).toMatchObject(
      { changed: false },
    );
    expect(await db().accountRelationship.count({ where: { partnerAccountId: partner.id } })).toBe(1);
    const another = await makeAccount();
    await expect(
      addRelatedAccount(m, customer.number, { otherAccountId: String(another.id) }),
    ).rejects.toMatchObject({
      field: "otherAccountId",
    });
    await removeRelatedAccount(m, customer.number, { otherAccountId: String(partner.id) });
    expect(await db().accountRelationship.count({ where: { partnerAccountId: partner.id } })).toBe(0);
    expect((await auditOf("customer_account", partner.id)).map((r) => r.field)).toEqual([
      "relatedAccounts",
      "relatedAccounts",
    ]);
  });

  it("SET-2 / ROLE-3: two accounts that are both customer and partner are related the way chosen, and Remove ends the row's", async () => {
    const m = await manager();
    const both = async () => {
      const a = await makeAccount({ partner: true });
      return db().account.update({ where: { id: a.id }, data: { isCustomer: true } });
    };
    const [a, b] = [await both(), await both()];
    const pairs = async () =>
      (
        await db().accountRelationship.findMany({
          where: {
            OR: [{ partnerAccountId: { in: [a.id, b.id] } }, { customerAccountId: { in: [a.id, b.id] } }],
          },
        })
      )
        .map((r) => `${r.partnerAccountId === a.id ? "a" : "b"}→${r.customerAccountId === a.id ? "a" : "b"}`)
        .sort();
    // From a's page: b is a's partner (b serves a).
    await addRelatedAccount(m, a.number, { otherAccountId: String(b.id), otherIs: "partner" });
    expect(await pairs()).toEqual(["b→a"]);
    // And the other way too: b is a's customer.
    await addRelatedAccount(m, a.number, { otherAccountId: String(b.id), otherIs: "customer" });
    expect(await pairs()).toEqual(["a→b", "b→a"]);
    // Remove on a's row "b, Partner" ends b→a only.
    await removeRelatedAccount(m, a.number, { otherAccountId: String(b.id), otherIs: "partner" });
    expect(await pairs()).toEqual(["a→b"]);
    // A direction the kinds do not allow is refused on its field.
    const customerOnly = await makeAccount();
    await expect(
      addRelatedAccount(m, a.number, { otherAccountId: String(customerOnly.id), otherIs: "partner" }),
    ).rejects.toMatchObject({ field: "otherIs" });
  });
});

describe("SET-2: account names written before the match key existed", () => {
  it("SET-2: the start repairs keys the migration could only approximate; a shared name is reported", async () => {
    const a = await makeAccount({ name: unique("Müller  GmbH ") });
    await db().account.update({ where: { id: a.id }, data: { nameKey: `${a.name.toLowerCase()}-old` } });
    const { repairAccountNameKeys } = await import("./name-keys");
    const r = await repairAccountNameKeys();
    expect(r.fixed).toBeGreaterThanOrEqual(1);
    expect((await db().account.findUniqueOrThrow({ where: { id: a.id } })).nameKey).toBe(
      a.name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase(),
    );
  });
});

describe("SET-2: asset serial numbers written before the match key existed", () => {
  it("SET-2: the start gives old serials their key; a serial the account already has is reported, not keyed", async () => {
    const account = await makeAccount();
    const serial = unique("sn-ø");
    // Two rows as an older version could leave them: one serial twice, no key.
    const make = (name: string) =>
      transaction(async (tx) =>
        tx.asset.create({
          data: { number: await nextNumber(tx, "asset"), name, serialNumber: serial, accountId: account.id },
        }),
      );
    const kept = await make("Kept");
    const twin = await make("Twin");
    const { repairAssetSerialKeys } = await import("./name-keys");
    const r = await repairAssetSerialKeys();
    const keys = await db().asset.findMany({
      where: { id: { in: [kept.id, twin.id] } },
      select: { serialKey: true },
    });
    // One of the two holds the key (folded as the page folds it); the other is named to be corrected.
    expect(keys.map((k) => k.serialKey).sort()).toEqual([serial.toUpperCase(), null].sort());
    // (Other tests' rows may clash too: the database is shared.)
    const ours = r.clashes.filter((c) => c.endsWith(`“${serial}”`));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatch(/^AST\d+ “/);
    // The one left without a key can still be renamed (its key is not written by a name edit).
    const keyless = (
      await db().asset.findMany({ where: { id: { in: [kept.id, twin.id] }, serialKey: null } })
    )[0];
    const m = await manager();
    await updateAsset(m, keyless.number, {
      name: "Renamed twin",
      serialNumber: serial,
      accountId: String(account.id),
      version: String(keyless.version),
    });
    expect((await db().asset.findUniqueOrThrow({ where: { id: keyless.id } })).name).toBe("Renamed twin");
    // So can an import (SET-3): its key stays as it is — written, it would be its sibling's.
    const { commitImport } = await import("./import");
    const csv = `Number,Name,Serial number,Account\n${keyless.number},Imported twin,${serial},${account.number}\n`;
    expect((await commitImport(m, { kind: "assets", csv })).counts).toMatchObject({ update: 1, error: 0 });
    expect(await db().asset.findUniqueOrThrow({ where: { id: keyless.id } })).toMatchObject({
      name: "Imported twin",
      serialKey: null,
    });
    // A row writing its serial anew (here in capitals: the same key) is asked about its sibling, as
    // the page asks: refused naming the row, not a unique-key failure of the whole file.
    const upper = csv.replace(`,${serial},`, `,${serial.toUpperCase()},`);
    const refused = await commitImport(m, { kind: "assets", csv: upper });
    expect(refused.counts).toMatchObject({ update: 0, error: 1 });
    expect(JSON.stringify(refused.rows)).toContain("already has the serial number");
  });
});

describe("SET-4 / REC-6: links and versions follow the directory's changes", () => {
  it("SET-4: correcting a contact's email retires the links sent to the old address", async () => {
    const m = await manager();
    const account = await makeAccount();
    const c = await createContact(m, { name: "Typo", email: email("typo"), accountId: account.id });
    const { transaction } = await import("@/lib/db");
    const { issuePasswordLink, describePasswordLink } = await import("../auth/password-links");
    const link = await transaction((tx) =>
      issuePasswordLink(tx, { userId: c.id, purpose: "invite", createdById: m.id }),
    );
    expect(await describePasswordLink(link!.token)).toMatchObject({ valid: true });
    await updateContact(m, c.id, { name: "Typo", email: email("fixed"), version: "1" });
    expect(await describePasswordLink(link!.token)).toMatchObject({ valid: false });
  });

  it("REC-6: Deactivate moves the version, so a form (or an API write) from before is refused", async () => {
    const m = await manager();
    const a = await createAccount(m, { name: unique("Versioned Co ") });
    await setAccountActive(m, a.number, { active: "false" });
    await expect(updateAccount(m, a.number, { name: `${a.name} 2`, version: "1" })).rejects.toMatchObject({
      field: "version",
    });
  });
});

describe("SET-2: an account's assets past the first page", () => {
  it("SET-2: 260 assets are reached 50 a page and by a search of name, number or serial number", async () => {
    const manager = await makeUser([ROLE.manager]);
    const account = await makeAccount();
    const tag = unique("AS");
    await db().asset.createMany({
      data: Array.from({ length: 260 }, (_, i) => ({
        number: `${tag}${String(i).padStart(4, "0")}`,
        name: `Laptop ${String(i).padStart(3, "0")}`,
        serialNumber: `SN-${tag}-${i}`,
        serialKey: `SN-${tag}-${i}`.toUpperCase(),
        accountId: account.id,
      })),
    });
    const first = await accountPage(manager, account.number);
    expect(first.assets).toMatchObject({ total: 260, page: 1 });
    expect(first.assets.rows).toHaveLength(50);
    const last = await accountPage(manager, account.number, { assetPage: "6" });
    expect(last.assets.rows.map((a) => a.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Laptop ${250 + i}`),
    );
    const bySerial = await accountPage(manager, account.number, { assetQ: `sn-${tag}-257` });
    expect(bySerial.assets.rows.map((a) => a.name)).toEqual(["Laptop 257"]);
    const byName = await accountPage(manager, account.number, { assetQ: "Laptop 13" });
    expect(byName.assets.total).toBe(10); // Laptop 130…139
  });
});

describe("SET-2 / WRK-3: the account's open cases", () => {
  it("WRK-3: a case the customer answered carries the Customer replied mark on the account page", async () => {
    const manager = await makeUser([ROLE.manager]);
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const quiet = await makeCase(agent, { accountId: account.id, contactId: contact.id });
    const answered = await makeCase(agent, { accountId: account.id, contactId: contact.id });
    await replyOnPortal(contact, answered.number, {
      reply: "It happened again",
      idempotencyKey: unique("k"),
    });
    const page = await accountPage(manager, account.number);
    const marks = Object.fromEntries(page.openCases.map((c) => [c.number, c.customerReplied]));
    expect(marks).toEqual({ [quiet.number]: false, [answered.number]: true });
  });
});

describe("SET-2: a partner of many customers", () => {
  it("SET-2 / PERF-1: the account page lists the first 200 related accounts by name and counts them all", async () => {
    const manager = await makeUser([ROLE.manager]);
    const partner = await makeAccount();
    await db().account.update({ where: { id: partner.id }, data: { isPartner: true } });
    const tag = unique("REL");
    await db().account.createMany({
      data: Array.from({ length: 205 }, (_, i) => ({
        number: `${tag}${String(i).padStart(3, "0")}`,
        name: `${tag} Customer ${String(i).padStart(3, "0")}`,
        nameKey: `${tag} customer ${String(i).padStart(3, "0")}`.toLowerCase(),
      })),
    });
    const customers = await db().account.findMany({
      where: { number: { startsWith: tag } },
      select: { id: true },
    });
    await db().accountRelationship.createMany({
      data: customers.map((c) => ({ partnerAccountId: partner.id, customerAccountId: c.id })),
    });
    const page = await accountPage(manager, partner.number);
    expect(page.relatedTotal).toBe(205);
    expect(page.related).toHaveLength(200);
    expect(page.related[0].name).toBe(`${tag} Customer 000`);
    expect(page.related.at(-1)!.name).toBe(`${tag} Customer 199`);
  });
});
