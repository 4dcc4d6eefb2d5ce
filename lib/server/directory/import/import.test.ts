// SET-3: importing accounts, contacts, consumers and assets from CSV files.
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { nextNumber } from "../../records/numbers";
import { ROLE } from "@/lib/domain/auth/roles";
import { makeAccount, makeAgent, makeCustomer, makeUser, unique } from "@/lib/testing/fixtures";
import { createSession } from "../../auth/sessions";
import { setAccountActive } from "../accounts";
import { setPersonActive } from "../contacts";
import { addRelatedAccount } from "../relationships";
import { commitImport, previewImport } from ".";

const manager = () => makeUser([ROLE.manager]);
const snapshot = async () => ({
  users: await db().user.count(),
  accounts: await db().account.count(),
  assets: await db().asset.count(),
  audit: await db().auditEntry.count(),
});

describe("SET-3: contacts", () => {
  it("SET-3: the preview names each row's outcome and each error's row and column, and writes nothing", async () => {
    const m = await manager();
    const account = await makeAccount();
    const tag = unique("imp");
    const existing = await makeUser([ROLE.customer, ROLE.external], {
      kind: "contact",
      accountId: account.id,
      name: "Kept",
    });
    const csv =
      "\uFEFFEmail,Name,Phone,Account,Portal roles\r\n" +
      `new1.${tag}@test.example,"Doe, Jane",+1 555 0100,${account.number},customer;customer_admin\r\n` +
      `${existing.email},Kept,,${account.name.toUpperCase()},\r\n` +
      `not-an-email,Bad Row,,${account.number},\r\n` +
      `new2.${tag}@test.example,"Multi\nLine",,${account.number},\r\n` +
      `new5.${tag}@test.example,Lost,,No Such Account,\r\n` +
      `NEW1.${tag}@test.example,Again,,${account.number},\r\n` +
      `new3.${tag}@test.example,Roly,,${account.number},itil\r\n` +
      `new4.${tag}@test.example,Spilled,,${account.number},,extra\r\n`;
    const before = await snapshot();
    const preview = await previewImport(m, { kind: "contacts", csv });
    expect(await snapshot()).toEqual(before);
    expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: 1, error: 6 });
    const byRow = Object.fromEntries(preview.rows.map((r) => [r.row, r]));
    expect(byRow[2]).toMatchObject({ outcome: "create" });
    expect(byRow[3]).toMatchObject({ outcome: "unchanged" });
    expect(byRow[4].errors).toEqual([
      { column: "Email", message: "Email must be an email address like name@example.com." },
    ]);
    // A quoted line break is one row (row 5, as a spreadsheet numbers it) — and no name (SET-2).
    expect(byRow[5].errors).toEqual([
      { column: "Name", message: "Name must be one line: remove a line break (U+000A)." },
    ]);
    expect(byRow[6].errors).toEqual([
      { column: "Account", message: "No account is numbered or named “No Such Account”." },
    ]);
    expect(byRow[7].errors?.[0]).toMatchObject({
      column: "Email",
      message: "This email is already in row 2; a file names each once.",
    });
    expect(byRow[8].errors?.[0]).toMatchObject({ column: "Portal roles" });
    // The whole row's error names no column (the page shows "Row 9: It has more cells…").
    expect(byRow[9].errors).toEqual([
      { column: null, message: "It has more cells than the header (row 1) has columns." },
    ]);

    const done = await commitImport(m, { kind: "contacts", csv });
    expect(done.counts).toEqual(preview.counts);
    const jane = await db().user.findUniqueOrThrow({
      where: { email: `new1.${tag}@test.example` },
      include: { roles: true },
    });
    expect(jane).toMatchObject({
      name: "Doe, Jane",
      phone: "+1 555 0100",
      kind: "contact",
      accountId: account.id,
    });
    expect(jane.roles.map((r) => r.role).sort()).toEqual(
      [ROLE.customer, ROLE.customerAdmin, ROLE.external].sort(),
    );
    expect(await db().user.count({ where: { email: { contains: tag } } })).toBe(1); // no bad row written
    const audit = await db().auditEntry.findMany({ where: { table: "sys_user", recordId: jane.id } });
    expect(audit.map((a) => a.field).sort()).toEqual([
      "accountId",
      "active",
      "email",
      "kind",
      "name",
      "phone",
      "roles",
    ]);
    expect(audit[0]).toMatchObject({ userId: m.id, userName: m.name });
    // Written in bulk by raw SQL, read back by Prisma: the timestamps are real ones.
    for (const at of [audit[0].createdAt, jane.createdAt, jane.updatedAt])
      expect(Math.abs(at.getTime() - Date.now())).toBeLessThan(60_000);
    expect(jane.active).toBe(true);

    // Idempotent: the same file again changes nothing.
    const again = await commitImport(m, { kind: "contacts", csv });
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 6 });
  });

  it("SET-3: an update shows old → new; a semicolon file works; emails of other kinds of users are refused", async () => {
    const m = await manager();
    const { account, contact } = await makeCustomer();
    const consumer = await makeUser([ROLE.consumer, ROLE.external], { kind: "consumer" });
    const csv =
      "email;name;phone;account\n" +
      `${contact.email};New Name;+44 1;${account.number}\n` +
      `${consumer.email};X;;${account.number}\n`;
    const p = await previewImport(m, { kind: "contacts", csv });
    expect(p.rows[0]).toMatchObject({
      outcome: "update",
      changes: [`Name: ${contact.name} → New Name`, "Phone: (empty) → +44 1"],
    });
    expect(p.rows[1].errors?.[0].message).toBe(`${consumer.email} belongs to a consumer.`);
  });

  it("SET-3: a header without a required column, an empty file and a broken quote are refused as a whole", async () => {
    const m = await manager();
    await expect(previewImport(m, { kind: "contacts", csv: "email,name\na@b.co,A\n" })).rejects.toThrow(
      "The header (row 1) has no Account column; it is required for contacts.",
    );
    await expect(previewImport(m, { kind: "contacts", csv: "" })).rejects.toMatchObject({ field: "file" });
    await expect(
      previewImport(m, { kind: "contacts", csv: 'email,name,account\n"a@b.co,A,B\n' }),
    ).rejects.toThrow(/not valid CSV at row 2, column A/);
    await expect(previewImport(m, { kind: "users", csv: "x" })).rejects.toMatchObject({ field: "kind" });
  });

  it("SET-3: only admins and managers import; agents and customers are refused and nothing is written", async () => {
    const account = await makeAccount();
    const csv = `email,name,account\n${unique("x")}@test.example,X,${account.number}\n`;
    const before = await snapshot();
    for (const who of [await makeAgent(), (await makeCustomer()).contact]) {
      await expect(previewImport(who, { kind: "contacts", csv })).rejects.toMatchObject({
        kind: "forbidden",
      });
      await expect(commitImport(who, { kind: "contacts", csv })).rejects.toMatchObject({ kind: "forbidden" });
    }
    expect((await snapshot()).users).toBe(before.users + 2); // the two callers themselves
  });

  it("SET-3: two imports of one file at once create each contact once", async () => {
    const m = await manager();
    const account = await makeAccount();
    const tag = unique("twice");
    const rows = [1, 2, 3].map((i) => `${tag}.${i}@test.example,P ${i},${account.number}`);
    const csv = `email,name,account\n${rows.join("\n")}\n`;
    await Promise.all([
      commitImport(m, { kind: "contacts", csv }),
      commitImport(m, { kind: "contacts", csv }),
    ]);
    expect(await db().user.count({ where: { email: { startsWith: tag } } })).toBe(3);
  });

  it("SET-2 / SET-3: an account deactivated while its contacts are imported is left with no active contact", async () => {
    const m = await manager();
    const account = await makeAccount();
    const tag = unique("racing");
    const lines = Array.from(
      { length: 1_500 },
      (_, i) => `${tag}.${i}@test.example,P ${i},${account.number}`,
    );
    const csv = `email,name,account\n${lines.join("\n")}\n`;
    const started: { deactivation?: Promise<unknown> } = {};
    // The deactivation starts while the import writes (PostgreSQL runs the two at once).
    const imported = commitImport(m, { kind: "contacts", csv }, (p) => {
      if (p.phase === "write")
        started.deactivation ??= setAccountActive(m, account.number, { active: "false" });
    });
    await imported;
    expect(started.deactivation).toBeDefined();
    await started.deactivation;
    expect((await db().account.findUniqueOrThrow({ where: { id: account.id } })).active).toBe(false);
    expect(await db().user.count({ where: { email: { startsWith: tag }, active: true } })).toBe(0);
  }, 60_000);

  it("SET-2 / SET-3: deactivating an account's primary contact while an import updates its contacts: both finish", async () => {
    const m = await manager();
    const account = await makeAccount();
    const tag = unique("order");
    const line = (i: number, phone: string) => `${tag}.${i}@test.example,P ${i},${phone},${account.number}`;
    const file = (phone: string, order: number[]) =>
      `email,name,phone,account\n${order.map((i) => line(i, phone)).join("\n")}\n`;
    const all = Array.from({ length: 400 }, (_, i) => i);
    await commitImport(m, { kind: "contacts", csv: file("+1 555 0100", all) });
    const primary = (await db().account.findUniqueOrThrow({ where: { id: account.id } })).primaryContactId!;
    expect(primary).not.toBeNull();
    const first = await db().user.findUniqueOrThrow({ where: { id: primary } });
    const firstIndex = Number(first.email.split(".").at(-2)!.split("@")[0]);
    // Every contact's phone changes; the primary contact's row comes last.
    const order = [...all.filter((i) => i !== firstIndex), firstIndex];
    const started: { deactivation?: Promise<unknown> } = {};
    const imported = commitImport(m, { kind: "contacts", csv: file("+1 555 0199", order) }, (p) => {
      if (p.phase === "check" && p.done === p.total)
        started.deactivation ??= setPersonActive(m, String(primary), "contact", { active: "false" });
    });
    const importing = await Promise.allSettled([imported]);
    expect(started.deactivation).toBeDefined();
    const outcomes = [...importing, ...(await Promise.allSettled([started.deactivation]))];
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
    expect((await db().user.findUniqueOrThrow({ where: { id: primary } })).active).toBe(false);
    expect(await db().user.count({ where: { email: { startsWith: tag }, phone: "+1 555 0199" } })).toBe(400);
  }, 60_000);

  it("SET-3: a 10,001-row file is previewed and imported, with progress, in one transaction", async () => {
    const m = await manager();
    const account = await makeAccount();
    const tag = unique("big");
    const lines = Array.from(
      { length: 10_001 },
      (_, i) => `${tag}.${i}@test.example,Person ${i},${account.number}`,
    );
    const csv = `email,name,account\n${lines.join("\n")}\n`;
    const seen: string[] = [];
    const preview = await previewImport(m, { kind: "contacts", csv }, (p) => seen.push(p.phase));
    expect(preview.counts.create).toBe(10_001);
    const done = await commitImport(m, { kind: "contacts", csv }, (p) =>
      seen.push(`${p.phase}:${p.done}/${p.total}`),
    );
    expect(done.counts.create).toBe(10_001);
    expect(seen).toContain("write:10001/10001");
    expect(await db().user.count({ where: { email: { startsWith: tag } } })).toBe(10_001);
    expect(
      (await db().account.findUniqueOrThrow({ where: { id: account.id } })).primaryContactId,
    ).not.toBeNull();
  }, 120_000);
});

describe("SET-3: accounts, consumers and assets", () => {
  it("SET-2 / SET-3: a file unticking Partner while the account becomes a customer's partner is refused, not saved over it", async () => {
    const m = await manager();
    const [partner, customer] = await Promise.all([makeAccount(), makeAccount()]);
    await db().account.update({ where: { id: partner.id }, data: { isPartner: true } });
    const csv = `number,name,partner\n${partner.number},${partner.name},false\n`;
    let imported: Promise<Awaited<ReturnType<typeof commitImport>>> | undefined;
    // The relationship is added (under the account's lock) while the file is imported.
    await transaction(async (tx) => {
      await addRelatedAccount(m, customer.number, { otherAccountId: partner.id, otherIs: "partner" }, tx);
      imported = commitImport(m, { kind: "accounts", csv });
      await new Promise((r) => setTimeout(r, 300));
    });
    const result = await imported!;
    expect(result.counts).toMatchObject({ update: 0, error: 1 });
    expect((await db().account.findUniqueOrThrow({ where: { id: partner.id } })).isPartner).toBe(true);
  });

  it("SET-3: accounts are matched by number or by name; an unknown number and a rename onto another's name are errors", async () => {
    const m = await manager();
    const a = await makeAccount();
    const b = await makeAccount();
    const c = await makeAccount();
    const d = await makeAccount();
    const fresh = unique("Fresh Co ");
    const csv =
      "Number,Name,Customer,Partner\n" +
      `,${fresh},yes,no\n` +
      `${a.number},${a.name} Renamed,,\n` +
      `ACC9999999,Ghost,,\n` +
      `${b.number},${fresh.toUpperCase()},,\n` +
      `,${b.name},no,x\n` +
      `${d.number},${c.name},,\n`;
    const done = await commitImport(m, { kind: "accounts", csv });
    const rows = Object.fromEntries(done.rows.map((r) => [r.row, r]));
    expect(rows[2].outcome).toBe("create");
    expect(rows[3]).toMatchObject({ outcome: "update", changes: [`Name: ${a.name} → ${a.name} Renamed`] });
    expect(rows[4].errors?.[0].message).toMatch(/No account has the number ACC9999999/);
    expect(rows[5].errors?.[0].message).toBe(
      "This account name is already in row 2; a file names each once.",
    );
    // The refused row is labelled as the file writes it, not by the folded key it repeats.
    expect(rows[5].label).toBe(fresh.toUpperCase().trim());
    expect(rows[6]).toMatchObject({
      outcome: "update",
      changes: ["Customer: true → false", "Partner: false → true"],
    });
    expect(rows[7].errors?.[0].message).toBe(`Another account (${c.number}) is named “${c.name}”.`);
    expect(await db().account.count({ where: { name: fresh } })).toBe(1);
    expect((await commitImport(m, { kind: "accounts", csv })).counts).toMatchObject({ create: 0, update: 0 });
  });

  it("SET-3 / ROLE-3: a consumers file leaves a consumer's roles as they are (an admin took portal access away)", async () => {
    const m = await manager();
    const cut = await makeUser([ROLE.external], { kind: "consumer", name: "Cut Off" });
    const csv = `email,name,phone\n${cut.email},Cut Off,+1 555 0100\n`;
    const preview = await previewImport(m, { kind: "consumers", csv });
    expect(preview.counts.update).toBe(1);
    expect(JSON.stringify(preview.rows[0])).not.toContain("consumer, snc_external");
    await commitImport(m, { kind: "consumers", csv });
    const after = await db().user.findUniqueOrThrow({ where: { id: cut.id }, include: { roles: true } });
    expect(after.phone).toBe("+1 555 0100");
    expect(after.roles.map((r) => r.role)).toEqual([ROLE.external]);
  });

  it("SET-3: consumers by email; assets by number or by serial number within their account", async () => {
    const m = await manager();
    const e = `${unique("cons")}@test.example`;
    expect(
      (await commitImport(m, { kind: "consumers", csv: `email,name\n${e},Connie\n` })).counts.create,
    ).toBe(1);
    expect(
      (await previewImport(m, { kind: "consumers", csv: `email,name\n${e.toUpperCase()},Connie\n` })).counts
        .unchanged,
    ).toBe(1);

    const account = await makeAccount();
    const serial = unique("SN-");
    const assets = `name,serial number,account\nRouter,${serial},${account.name}\nSwitch,,${account.number}\n`;
    expect((await commitImport(m, { kind: "assets", csv: assets })).counts.create).toBe(2);
    const again = await commitImport(m, { kind: "assets", csv: assets.replace("Router", "Edge router") });
    // Router by its serial number, Switch (no serial) by its name: nothing new.
    expect(again.counts).toMatchObject({ update: 1, unchanged: 1, create: 0 });
    expect(await db().asset.count({ where: { serialNumber: serial } })).toBe(1);
    // The serial number matches whatever its case, as makers print either.
    const lower = await previewImport(m, {
      kind: "assets",
      csv: assets.replace(serial, serial.toLowerCase()),
    });
    expect(lower.counts).toMatchObject({ create: 0 });
  });

  it("SET-3: a file naming one asset by serial and another of the same name without one imports again unchanged, in either order", async () => {
    const m = await manager();
    const account = await makeAccount();
    const serial = unique("SN-");
    const first = `name,serial,account\nLaptop,${serial},${account.number}\nLaptop,,${account.number}\n`;
    expect((await commitImport(m, { kind: "assets", csv: first })).counts).toMatchObject({
      create: 2,
      error: 0,
    });
    expect((await previewImport(m, { kind: "assets", csv: first })).counts).toMatchObject({
      unchanged: 2,
      error: 0,
    });
    // The blank row first, onto an account whose "Laptop" has a serial: a new asset, the serial kept.
    const other = await makeAccount();
    await db().asset.create({
      data: { number: unique("AST9"), name: "Laptop", serialNumber: serial, accountId: other.id },
    });
    const second = `name,serial,account\nLaptop,,${other.number}\nLaptop,${serial},${other.number}\n`;
    expect((await commitImport(m, { kind: "assets", csv: second })).counts).toMatchObject({
      create: 1,
      unchanged: 1,
      error: 0,
    });
    expect(await db().asset.count({ where: { accountId: other.id, serialNumber: serial } })).toBe(1);
    const again = await commitImport(m, { kind: "assets", csv: second });
    expect(again.counts).toMatchObject({ unchanged: 2, create: 0, error: 0 });
    // A blank Serial cell for the account's one "Printer", which has a serial the file does not give:
    // that printer, its serial kept — not a second "Printer".
    const printer = await transaction(async (tx) =>
      tx.asset.create({
        data: {
          number: await nextNumber(tx, "asset"),
          name: "Printer",
          serialNumber: unique("P-"),
          accountId: other.id,
        },
      }),
    );
    const blank = await commitImport(m, {
      kind: "assets",
      csv: `name,serial,account\nPrinter,,${other.number}\n`,
    });
    expect(blank.counts).toMatchObject({ unchanged: 1, create: 0, error: 0 });
    expect(await db().asset.findUniqueOrThrow({ where: { id: printer.id } })).toMatchObject({
      serialNumber: printer.serialNumber,
    });
    // …but not when another row names that printer by its Number: the blank row is another printer.
    const both = `number,name,serial,account\n${printer.number},Printer,,${other.number}\n,Printer,,${other.number}\n`;
    expect((await commitImport(m, { kind: "assets", csv: both })).counts).toMatchObject({
      unchanged: 1,
      create: 1,
      error: 0,
    });
  });

  it("SET-3: an asset moved to another account by its Number previews the accounts by name and number, not by id", async () => {
    const m = await manager();
    const [from, to] = await Promise.all([makeAccount(), makeAccount()]);
    const asset = await transaction(async (tx) =>
      tx.asset.create({
        data: { number: await nextNumber(tx, "asset"), name: "Edge router", accountId: from.id },
      }),
    );
    const preview = await previewImport(m, {
      kind: "assets",
      csv: `number,name,account\n${asset.number},Edge router,${to.number}\n`,
    });
    expect(preview.rows[0]).toMatchObject({
      outcome: "update",
      changes: [`Account: ${from.name} (${from.number}) → ${to.name} (${to.number})`],
    });
    // The history the import writes still maps ids to names itself.
    await commitImport(m, {
      kind: "assets",
      csv: `number,name,account\n${asset.number},Edge router,${to.number}\n`,
    });
    expect((await db().asset.findUniqueOrThrow({ where: { id: asset.id } })).accountId).toBe(to.id);
  });

  it("SET-3: a serial number shared by two assets of the account is an error naming the serial number column", async () => {
    const m = await manager();
    const account = await makeAccount();
    const serial = unique("SN-");
    for (const n of [1, 2])
      await db().asset.create({
        data: { number: unique("AST9"), name: `Relay ${n}`, serialNumber: serial, accountId: account.id },
      });
    const preview = await previewImport(m, {
      kind: "assets",
      csv: `name,serial,account\nRenamed relay,${serial},${account.number}\n`,
    });
    expect(preview.rows[0].errors).toEqual([
      {
        column: "serial",
        message:
          `Several assets of this account have the serial number “${serial}”; ` +
          "give the Number of the one to update.",
      },
    ]);
  });

  it("SET-2 / SET-3: a row giving an asset another's serial number, or two rows giving one, is an error naming the column", async () => {
    const m = await manager();
    const account = await makeAccount();
    const [a, b] = [unique("SN-A"), unique("SN-B")];
    await commitImport(m, {
      kind: "assets",
      csv: `name,serial,account\nA,${a},${account.number}\nB,${b},${account.number}\n`,
    });
    const [first, second] = await db().asset.findMany({
      where: { accountId: account.id },
      orderBy: { id: "asc" },
      select: { number: true },
    });
    const taken = await previewImport(m, {
      kind: "assets",
      csv: `number,name,serial,account\n${second.number},B,${a.toLowerCase()},${account.number}\n`,
    });
    expect(taken.rows[0].errors).toEqual([
      {
        column: "serial",
        message: `Asset ${first.number} of this account already has the serial number “${a.toLowerCase()}”.`,
      },
    ]);
    const c = unique("SN-C");
    const both = await commitImport(m, {
      kind: "assets",
      csv: `number,name,serial,account\n,New,${c},${account.number}\n${first.number},A,${c},${account.number}\n`,
    });
    // The valid row is written, the refused one is not (SET-3).
    expect(both.counts).toMatchObject({ create: 1, error: 1 });
    expect(both.rows[1].errors?.[0]).toMatchObject({
      column: "serial",
      message: expect.stringMatching(/^Row 2 already gives/),
    });
    expect(await db().asset.count({ where: { accountId: account.id, serialKey: c.toUpperCase() } })).toBe(1);
    expect(await db().asset.count({ where: { accountId: account.id } })).toBe(3);
  });

  it("SET-3: a contact stays with their account; an account deactivated by a file takes its contacts with it; one record per row", async () => {
    const m = await manager();
    const { account, contact } = await makeCustomer();
    const other = await makeAccount();
    const moved = await previewImport(m, {
      kind: "contacts",
      csv: `email,name,account\n${contact.email},X,${other.number}\n`,
    });
    expect(moved.rows[0].errors?.[0]).toEqual({
      column: "account",
      message: `${contact.email} is a contact of ${account.name}; a contact stays with their account.`,
    });
    const twice = await previewImport(m, {
      kind: "accounts",
      csv: `number,name,active\n${account.number},${account.name},\n,${account.name.toUpperCase()} ,false\n`,
    });
    expect(twice.rows[1].outcome).toBe("error");
    const renamed = await previewImport(m, {
      kind: "accounts",
      csv: `number,name\n${other.number},${other.name} Renamed\n,${other.name}\n`,
    });
    expect(renamed.rows[1].errors?.[0].message).toBe(`Row 2 already names this account (${other.number}).`);
    await createSession(contact.id);
    const off = await commitImport(m, {
      kind: "accounts",
      csv: `number,name,active\n${account.number},${account.name},false\n`,
    });
    expect(off.counts.update).toBe(1);
    expect(await db().user.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ active: false });
    expect(await db().session.count({ where: { userId: contact.id } })).toBe(0);
  });
});
