import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { makeAdmin, makeAgent, makeCustomer, makeUser } from "@/lib/testing/fixtures";
import { holdRow, untilWaiting } from "@/lib/testing/locks";
import { rejection } from "@/lib/testing/refusal";
import { actorForBearer, createApiToken } from "../auth/api-token";
import { hashPassword, checkCredentials } from "../auth/credentials";
import { loadActor, loadSessionActor } from "../auth/load-actor";
import { createSession, sessionsOf } from "../auth/sessions";
import { setAccountActive } from "../directory/accounts";
import { addUserRole, removeUserRole, setUserActive } from "./access";

const rolesOf = async (userId: number) => (await loadActor(userId))?.roles.slice().sort();
const audit = (userId: number) =>
  db().auditEntry.findMany({ where: { table: "sys_user", recordId: userId }, orderBy: { id: "asc" } });

describe("assigning and removing roles (ADM-3)", () => {
  it("ADM-3: an admin adds and removes internal roles of an internal user, each change audited", async () => {
    const admin = await makeAdmin();
    const agent = await makeAgent();
    expect(await addUserRole(admin, { userId: agent.id, role: ROLE.itil })).toMatchObject({ changed: true });
    expect(await addUserRole(admin, { userId: agent.id, role: ROLE.itil })).toMatchObject({ changed: false });
    expect(await rolesOf(agent.id)).toContain(ROLE.itil);
    expect(await removeUserRole(admin, { userId: agent.id, role: ROLE.incidentWrite })).toMatchObject({
      changed: true,
    });
    expect(await rolesOf(agent.id)).not.toContain(ROLE.incidentWrite);
    const rows = await audit(agent.id);
    expect(rows.map((r) => [r.field, r.userId])).toEqual([
      ["roles", admin.id],
      ["roles", admin.id],
    ]);
    expect(rows[1].oldValue).toContain(ROLE.incidentWrite);
    expect(rows[1].newValue).not.toContain(ROLE.incidentWrite);
  });

  it("ADM-3: no external role on an internal user, no internal role on a contact, snc_external stays", async () => {
    const admin = await makeAdmin();
    const agent = await makeAgent();
    const { contact } = await makeCustomer();
    const before = [await rolesOf(agent.id), await rolesOf(contact.id)];
    await expect(addUserRole(admin, { userId: agent.id, role: ROLE.customer })).rejects.toMatchObject({
      field: "role",
    });
    await expect(addUserRole(admin, { userId: contact.id, role: ROLE.admin })).rejects.toMatchObject({
      field: "role",
    });
    await expect(addUserRole(admin, { userId: contact.id, role: "root" })).rejects.toMatchObject({
      kind: "invalid",
    });
    await expect(removeUserRole(admin, { userId: contact.id, role: ROLE.external })).rejects.toMatchObject({
      field: "role",
    });
    expect([await rolesOf(agent.id), await rolesOf(contact.id)]).toEqual(before);
    expect(await addUserRole(admin, { userId: contact.id, role: ROLE.customerAdmin })).toMatchObject({
      changed: true,
    });
    await expect(addUserRole(admin, { userId: 2_147_483_000, role: ROLE.itil })).rejects.toMatchObject({
      kind: "not_found",
    });
  });

  it("ADM-3: an admin cannot remove their own admin role (another admin can)", async () => {
    const admin = await makeAdmin();
    const other = await makeAdmin();
    expect(await rejection(removeUserRole(admin, { userId: admin.id, role: ROLE.admin }))).toEqual({
      kind: "invalid",
      message: "You cannot remove your own admin role; ask another administrator.",
    });
    expect(await rolesOf(admin.id)).toEqual([ROLE.admin]);
    expect(await removeUserRole(other, { userId: admin.id, role: ROLE.admin })).toMatchObject({
      changed: true,
    });
  });
});

describe("deactivating users (ADM-3)", () => {
  it("ADM-3 / REC-5: two deactivations of one user at once change and audit it once", async () => {
    const admin = await makeAdmin();
    const user = await makeUser([ROLE.agent]);
    const { version } = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    // Both read the user active, then queue on its row (held here) before writing.
    const release = await holdRow("User", user.id);
    const both = Promise.all([
      setUserActive(admin, { userId: user.id, active: false }),
      setUserActive(admin, { userId: user.id, active: false }),
    ]);
    await untilWaiting(2, both);
    await release();
    expect((await both).map((r) => r.changed).sort()).toEqual([false, true]);
    expect((await audit(user.id)).map((r) => [r.field, r.oldValue, r.newValue])).toEqual([
      ["active", "true", "false"],
    ]);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).version).toBe(version + 1);
  });

  it("ADM-3: deactivation ends every session at once, stops sign-in and revokes the user's API tokens", async () => {
    const admin = await makeAdmin();
    const user = await makeUser([ROLE.agent], { passwordHash: await hashPassword("the-password") });
    const sid = await createSession(user.id);
    const { token } = await createApiToken(user.email);
    expect(await actorForBearer(`Bearer ${token}`)).toMatchObject({ ok: true });

    expect(await setUserActive(admin, { userId: user.id, active: false })).toMatchObject({
      changed: true,
      endedSessions: 1,
    });
    expect(await sessionsOf(user.id)).toEqual([]);
    expect(await loadSessionActor({ userId: user.id, sid })).toBeNull();
    expect(await actorForBearer(`Bearer ${token}`)).toMatchObject({ ok: false, status: 401 });
    expect(await checkCredentials(user.email, "the-password", null)).toEqual({
      ok: false,
      reason: "invalid",
    });
    await expect(createApiToken(user.email)).rejects.toThrow(/deactivated/);
    expect((await audit(user.id)).map((r) => [r.field, r.oldValue, r.newValue])).toEqual([
      ["active", "true", "false"],
    ]);

    expect(await setUserActive(admin, { userId: user.id, active: true })).toMatchObject({
      changed: true,
      endedSessions: 0,
    });
    // ADM-4: the old token was revoked with the deactivation — reactivating does not revive it.
    expect(await actorForBearer(`Bearer ${token}`)).toMatchObject({ ok: false, status: 401 });
    expect(await actorForBearer(`Bearer ${(await createApiToken(user.email)).token}`)).toMatchObject({
      ok: true,
    });
    expect(await checkCredentials(user.email, "the-password", null)).toMatchObject({
      ok: true,
      userId: user.id,
    });
  });

  it("ADM-3: an admin cannot deactivate themself; nothing changes", async () => {
    const admin = await makeAdmin();
    const sid = await createSession(admin.id);
    expect(await rejection(setUserActive(admin, { userId: admin.id, active: false }))).toEqual({
      kind: "invalid",
      message: "You cannot deactivate your own user; ask another administrator.",
    });
    expect(await loadSessionActor({ userId: admin.id, sid })).not.toBeNull();
  });

  it("ADM-3 / SET-2: a contact of a deactivated account is not reactivated here either; after the account, they are", async () => {
    const admin = await makeAdmin();
    const manager = await makeUser([ROLE.manager]);
    const { account, contact } = await makeCustomer();
    await setAccountActive(manager, account.number, { active: "false" });
    expect((await db().user.findUniqueOrThrow({ where: { id: contact.id } })).active).toBe(false);
    await expect(setUserActive(admin, { userId: contact.id, active: true })).rejects.toMatchObject({
      kind: "invalid",
      field: "accountId",
      message: `${account.name} is deactivated; reactivate it first.`,
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: contact.id } })).active).toBe(false);
    await setAccountActive(manager, account.number, { active: "true" });
    await setUserActive(admin, { userId: contact.id, active: true });
    expect((await db().user.findUniqueOrThrow({ where: { id: contact.id } })).active).toBe(true);
  });

  it("ADM-3 / REL-3: a non-admin can neither change roles nor deactivate; nothing changes", async () => {
    const target = await makeAgent();
    const sid = await createSession(target.id);
    for (const actor of [await makeAgent(), (await makeCustomer()).contact, await makeUser([ROLE.itil])]) {
      await expect(addUserRole(actor, { userId: target.id, role: ROLE.itil })).rejects.toMatchObject({
        kind: "forbidden",
      });
      await expect(removeUserRole(actor, { userId: target.id, role: ROLE.agent })).rejects.toMatchObject({
        kind: "forbidden",
      });
      await expect(setUserActive(actor, { userId: target.id, active: false })).rejects.toMatchObject({
        kind: "forbidden",
      });
    }
    expect(await loadSessionActor({ userId: target.id, sid })).toMatchObject({ roles: target.roles });
    expect(await audit(target.id)).toEqual([]);
  });
});

describe("two admins at once (ADM-3)", () => {
  it("ADM-3: two admins adding the same role at the same moment: both succeed, the user holds it once", async () => {
    const [a, b] = [await makeAdmin(), await makeAdmin()];
    const agent = await makeAgent();
    const both = await Promise.all([
      addUserRole(a, { userId: agent.id, role: ROLE.itil }),
      addUserRole(b, { userId: agent.id, role: ROLE.itil }),
    ]);
    expect(both.map((r) => r.changed).sort()).toEqual([false, true]);
    expect(await db().userRole.count({ where: { userId: agent.id, role: ROLE.itil } })).toBe(1);
  });
});

describe("the last active administrator (ADM-3)", () => {
  it("ADM-3: two admins deactivating each other at once leave one; the last one is neither deactivated nor demoted", async () => {
    const [a, b] = [await makeAdmin(), await makeAdmin()];
    const admins = { active: true, kind: "internal", roles: { some: { role: ROLE.admin } } } as const;
    const others = await db().user.findMany({ where: { ...admins, id: { notIn: [a.id, b.id] } } });
    const ids = others.map((o) => o.id);
    await db().user.updateMany({ where: { id: { in: ids } }, data: { active: false } });
    try {
      const results = await Promise.allSettled([
        setUserActive(a, { userId: b.id, active: false }),
        setUserActive(b, { userId: a.id, active: false }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const last = "This is the last active administrator: make another one first.";
      const refused = results.find((r) => r.status === "rejected");
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ message: last });
      const left = await db().user.findMany({ where: admins });
      expect(left.map((u) => u.id)).toHaveLength(1);
      const [survivor, gone] = left[0].id === a.id ? [a, b] : [b, a];
      expect(await rejection(setUserActive(gone, { userId: survivor.id, active: false }))).toMatchObject({
        message: last,
      });
      expect(await rejection(removeUserRole(gone, { userId: survivor.id, role: ROLE.admin }))).toMatchObject({
        message: last,
      });
      expect(await rolesOf(survivor.id)).toContain(ROLE.admin);
    } finally {
      await db().user.updateMany({ where: { id: { in: ids } }, data: { active: true } });
    }
  });
});
