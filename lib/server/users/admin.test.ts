import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { makeAccount, makeAdmin, makeAgent, makeCustomer, unique } from "@/lib/testing/fixtures";
import { rejection } from "@/lib/testing/refusal";
import { checkCredentials } from "../auth/credentials";
import { createUser, listUsers } from "./admin";

const PASSWORD = "initial-password-1";
const newUser = (patch: Record<string, string> = {}) => {
  const id = unique("adm");
  return {
    name: `Person ${id}`,
    email: `${id}@Test.Example`,
    kind: "internal",
    password: PASSWORD,
    ...patch,
  };
};
const userCount = () => db().user.count();

describe("creating users (ADM-3)", () => {
  it("ADM-3: an admin creates an internal user with a role; the password is a bcrypt hash and signs in", async () => {
    const admin = await makeAdmin();
    const input = newUser({ role: ROLE.agent });
    const u = await createUser(admin, input);
    expect(u).toMatchObject({ kind: "internal", email: input.email.toLowerCase(), roles: [ROLE.agent] });
    const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(await bcrypt.compare(PASSWORD, row.passwordHash!)).toBe(true);
    expect(await checkCredentials(input.email, PASSWORD, null)).toMatchObject({ ok: true, userId: u.id });
    const audit = await db().auditEntry.findMany({ where: { table: "sys_user", recordId: u.id } });
    expect(audit.map((a) => a.field).sort()).toEqual(["active", "email", "kind", "name", "roles"]);
    expect(audit.some((a) => a.newValue?.includes(PASSWORD) || a.field === "passwordHash")).toBe(false);
  });

  it("ADM-3: a contact of an account gets its role and snc_external; a consumer gets consumer and snc_external", async () => {
    const admin = await makeAdmin();
    const account = await makeAccount();
    const contact = await createUser(
      admin,
      newUser({ kind: "contact", accountId: String(account.id), role: ROLE.customer }),
    );
    expect(contact).toMatchObject({
      kind: "contact",
      accountId: account.id,
      roles: [ROLE.customer, ROLE.external],
    });
    const consumer = await createUser(admin, newUser({ kind: "consumer", role: ROLE.consumer }));
    expect(consumer).toMatchObject({
      kind: "consumer",
      accountId: null,
      roles: [ROLE.consumer, ROLE.external],
    });
  });

  it("ADM-3: a role of the wrong kind, a contact without an account or an unknown account is refused; nothing is created", async () => {
    const admin = await makeAdmin();
    const before = await userCount();
    for (const [patch, field] of [
      [{ role: ROLE.customer }, "role"],
      [{ kind: "contact", role: ROLE.agent, accountId: String((await makeAccount()).id) }, "role"],
      [{ kind: "contact", role: ROLE.customer }, "accountId"],
      [{ kind: "contact", accountId: "2147483000" }, "accountId"],
      [{ password: "short" }, "password"],
    ] as const)
      await expect(createUser(admin, newUser(patch)), field).rejects.toMatchObject({ kind: "invalid" });
    expect(await userCount()).toBe(before);
  });

  it("ADM-3 / SET-2: a contact made here follows the directory: an active account, roles that fit it (named on Role), the first one primary", async () => {
    const admin = await makeAdmin();
    const account = await makeAccount();
    const first = await createUser(
      admin,
      newUser({ kind: "contact", accountId: String(account.id), role: ROLE.customer }),
    );
    const second = await createUser(
      admin,
      newUser({ kind: "contact", accountId: String(account.id), role: ROLE.customer }),
    );
    expect((await db().account.findUniqueOrThrow({ where: { id: account.id } })).primaryContactId).toBe(
      first.id,
    );
    expect(second.id).not.toBe(first.id);
    // A customer role on a partner-only account is refused on the form's Role field, which shows it.
    const partner = await makeAccount({ partner: true });
    await expect(
      createUser(admin, newUser({ kind: "contact", accountId: String(partner.id), role: ROLE.customer })),
    ).rejects.toMatchObject({ kind: "invalid", field: "role" });
    // A deactivated account takes no new contact.
    await db().account.update({ where: { id: account.id }, data: { active: false } });
    const before = await userCount();
    await expect(
      createUser(admin, newUser({ kind: "contact", accountId: String(account.id), role: ROLE.customer })),
    ).rejects.toMatchObject({
      kind: "invalid",
      field: "accountId",
      message: `${account.name} is deactivated; reactivate it first.`,
    });
    expect(await userCount()).toBe(before);
  });

  it("ADM-3: an email already in use, in any letter case, is refused naming Email", async () => {
    const admin = await makeAdmin();
    const first = newUser();
    await createUser(admin, first);
    const again = await rejection(createUser(admin, { ...newUser(), email: first.email.toUpperCase() }));
    expect(again).toEqual({
      kind: "conflict",
      message: `Email: a user with the email ${first.email.toLowerCase()} already exists.`,
    });
  });

  it("ADM-3 / REL-2: two identical create clicks make one user; the other answers a conflict on Email", async () => {
    const admin = await makeAdmin();
    const input = newUser({ role: ROLE.itil });
    const results = await Promise.allSettled([createUser(admin, input), createUser(admin, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ kind: "conflict", field: "email" });
    expect(await db().user.count({ where: { email: input.email.toLowerCase() } })).toBe(1);
  });

  it("ADM-3 / REL-3: a non-admin can neither list nor create users, and nothing is created", async () => {
    const callers = [await makeAgent(), (await makeCustomer()).contact];
    const before = await userCount();
    for (const actor of callers) {
      await expect(listUsers(actor, {})).rejects.toMatchObject({ kind: "forbidden" });
      await expect(createUser(actor, newUser())).rejects.toMatchObject({ kind: "forbidden" });
    }
    expect(await userCount()).toBe(before);
  });
});

describe("listing and searching users (ADM-3)", () => {
  it("ADM-3: search by name or email (any case), filter by kind and active state, 50 a page", async () => {
    const admin = await makeAdmin();
    const tag = unique("find");
    const a = await createUser(admin, newUser({ name: `Alpha ${tag}` }));
    const b = await createUser(admin, newUser({ kind: "consumer", email: `${tag}@consumer.example` }));
    await db().user.update({ where: { id: b.id }, data: { active: false } });
    const ids = async (f: Parameters<typeof listUsers>[1]) =>
      (await listUsers(admin, f)).rows.map((r) => r.id);
    expect(await ids({ q: tag.toUpperCase() })).toEqual([a.id, b.id]);
    expect(await ids({ q: `${tag}\u0000` })).toEqual([a.id, b.id]); // REL-1: no 500 on PostgreSQL
    expect(await ids({ q: tag, kind: "consumer" })).toEqual([b.id]);
    expect(await ids({ q: tag, active: "active" })).toEqual([a.id]);
    expect(await ids({ q: tag, active: "inactive" })).toEqual([b.id]);
    const found = await listUsers(admin, { q: tag, kind: "robot", page: "1e300" });
    expect(found).toMatchObject({ total: 2, page: 100_000, filter: { kind: null } });
    expect((await listUsers(admin, { q: `Alpha ${tag}` })).rows[0]).toMatchObject({
      roles: [],
      kind: "internal",
    });
    expect((await listUsers(admin, {})).rows.length).toBeLessThanOrEqual(50);
  });
});
