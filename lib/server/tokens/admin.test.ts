import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { makeAdmin, makeAgent, makeCustomer, makeUser } from "@/lib/testing/fixtures";
import {
  actorForBearer,
  createApiToken,
  hashApiToken,
  inboundEmailActor,
  TOKEN_TABLE,
} from "../auth/api-token";
import { tokenUserOptions } from "../lookup/choices";
import { lookup } from "../lookup/search";
import { setUserActive } from "../users/access";
import { createTokenForUser, listApiTokens, revokeApiToken } from "./admin";

describe("API tokens (ADM-4)", () => {
  it("ADM-4: an admin creates a token for a user: shown once, stored as its hash, listed with its prefix and last use", async () => {
    const admin = await makeAdmin();
    const agent = await makeAgent();
    const created = await createTokenForUser(admin, { name: "CI import", userId: String(agent.id) });
    expect(created.token).toMatch(/^cf_[A-Za-z0-9_-]{43}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ tokenHash: hashApiToken(created.token), prefix: created.token.slice(0, 10) });
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row.createdById).toBe(admin.id);

    const listed = () => listApiTokens(admin).then((l) => l.rows.find((r) => r.id === created.id)!);
    expect(await listed()).toMatchObject({
      name: "CI import",
      lastUsedAt: null,
      revokedAt: null,
      user: { id: agent.id },
    });
    expect(JSON.stringify(await listApiTokens(admin))).not.toContain(created.token);
    expect(await actorForBearer(`Bearer ${created.token}`)).toMatchObject({
      ok: true,
      actor: { id: agent.id },
    });
    expect((await listed()).lastUsedAt).toBeInstanceOf(Date);
    expect(await inboundEmailActor(`Bearer ${created.token}`)).toMatchObject({ ok: false, status: 403 });
    expect(
      await db().auditEntry.count({ where: { table: "api_token", recordId: created.id, userId: admin.id } }),
    ).toBeGreaterThan(0);
  });

  it("ADM-4: a token made by `npm run token:create` is audited too, by System", async () => {
    const agent = await makeAgent();
    const { token } = await createApiToken(agent.email, "inbound relay");
    const row = await db().apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(token) } });
    const audit = await db().auditEntry.findMany({ where: { table: TOKEN_TABLE, recordId: row.id } });
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.userId === null && a.userName === "System")).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("ADM-4: a revoked token answers 401 on the next request; revoking again changes nothing", async () => {
    const admin = await makeAdmin();
    const other = await makeAdmin();
    const { token, id } = await createTokenForUser(admin, { name: "gateway", userId: String(other.id) });
    expect(await inboundEmailActor(`Bearer ${token}`)).toMatchObject({ ok: true });
    expect(await revokeApiToken(admin, { id })).toMatchObject({ changed: true });
    expect(await actorForBearer(`Bearer ${token}`)).toMatchObject({ ok: false, status: 401 });
    expect(await inboundEmailActor(`Bearer ${token}`)).toMatchObject({ ok: false, status: 401 });
    expect(await revokeApiToken(admin, { id })).toMatchObject({ changed: false });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeInstanceOf(Date);
    await expect(revokeApiToken(admin, { id: 2_147_483_000 })).rejects.toMatchObject({ kind: "not_found" });
  });

  it("ADM-4: no token for a deactivated or unknown user, nor without a name; nothing is stored", async () => {
    const admin = await makeAdmin();
    const gone = await makeUser([ROLE.agent]);
    await db().user.update({ where: { id: gone.id }, data: { active: false } });
    const before = await db().apiToken.count();
    await expect(createTokenForUser(admin, { name: "x", userId: String(gone.id) })).rejects.toMatchObject({
      kind: "invalid",
      field: "userId",
      message: `User ${gone.email} is deactivated: a token for them would not work.`,
    });
    await expect(createTokenForUser(admin, { name: "x", userId: "2147483000" })).rejects.toMatchObject({
      field: "userId",
    });
    await expect(createTokenForUser(admin, { name: "x", userId: "" })).rejects.toMatchObject({
      fields: { userId: "User is required." },
    });
    await expect(createTokenForUser(admin, { name: " ", userId: String(admin.id) })).rejects.toMatchObject({
      fields: { name: "Name is required." },
    });
    expect(await db().apiToken.count()).toBe(before);
  });

  it("ADM-3 / ADM-4: a token created while its user is being deactivated is refused or revoked, never left working", async () => {
    const [admin, other] = [await makeAdmin(), await makeAdmin()];
    for (let i = 0; i < 6; i++) {
      const agent = await makeAgent();
      await Promise.allSettled([
        setUserActive(other, { userId: agent.id, active: false }),
        createTokenForUser(admin, { name: `race ${i}`, userId: String(agent.id) }),
      ]);
      expect(await db().user.findUniqueOrThrow({ where: { id: agent.id } })).toMatchObject({ active: false });
      expect(await db().apiToken.count({ where: { userId: agent.id, revokedAt: null } })).toBe(0);
    }
  });

  it("ADM-4: the token form offers every active user — contacts and consumers too, named with their account — never a deactivated one", async () => {
    const admin = await makeAdmin();
    const { account, contact } = await makeCustomer();
    const gone = await makeAgent();
    await setUserActive(admin, { userId: gone.id, active: false });
    const q = (text: string) => new URLSearchParams({ q: text });
    const found = await lookup(admin, "activeUsers", q(contact.email));
    expect(found).toEqual([
      { id: contact.id, label: `${contact.name} (${account.name})`, detail: contact.email },
    ]);
    expect(await lookup(admin, "activeUsers", q(gone.email))).toEqual([]);
    const options = await tokenUserOptions();
    if (options) {
      // The demo-sized world: a select of every active user.
      expect(options).toContainEqual({ value: contact.id, label: `${contact.name} (${account.name})` });
      expect(options.map((o) => o.value)).not.toContain(gone.id);
    }
    const created = await createTokenForUser(admin, {
      name: "customer integration",
      userId: String(contact.id),
    });
    const check = await actorForBearer(`Bearer ${created.token}`);
    expect(check).toMatchObject({ ok: true, actor: { id: contact.id } });
  });

  it("ADM-4 / REL-3: a non-admin can neither list, create nor revoke tokens; nothing changes", async () => {
    const admin = await makeAdmin();
    const { id, token } = await createTokenForUser(admin, { name: "keep", userId: String(admin.id) });
    const callers = [await makeAgent(), (await makeCustomer()).contact, await makeUser([ROLE.manager])];
    const before = await db().apiToken.count();
    for (const actor of callers) {
      await expect(listApiTokens(actor)).rejects.toMatchObject({ kind: "forbidden" });
      await expect(createTokenForUser(actor, { name: "x", userId: String(actor.id) })).rejects.toMatchObject({
        kind: "forbidden",
      });
      await expect(revokeApiToken(actor, { id })).rejects.toMatchObject({ kind: "forbidden" });
    }
    expect(await db().apiToken.count()).toBe(before);
    expect(await actorForBearer(`Bearer ${token}`)).toMatchObject({ ok: true });
  });
});
