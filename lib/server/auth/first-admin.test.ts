// SET-1: the first administrator of an empty database, on a database of this file's own.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { useFreshDatabase } from "@/lib/testing/fresh-db";
import { createFirstAdmin } from "./first-admin";
import { describePasswordLink, setPasswordWithLink } from "./password-links";

useFreshDatabase("first_admin");

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;
const PASSWORD = { newPassword: "first-admin-pass", confirmPassword: "first-admin-pass" };

describe("SET-1: npm run admin:create", () => {
  it("SET-1: makes the first administrator with a one-time link of 24 hours, stored hashed", async () => {
    const now = new Date();
    const admin = await createFirstAdmin({ email: " Ada@Example.com ", name: "Ada Lovelace" }, now);
    expect(admin.email).toBe("ada@example.com");
    expect(admin.url).toMatch(/^http:\/\/localhost:\d+\/set-password\?token=[A-Za-z0-9_-]{43}$/);
    expect(admin.expiresAt.getTime() - now.getTime()).toBe(24 * 3600_000);
    const user = await db().user.findUniqueOrThrow({
      where: { email: "ada@example.com" },
      include: { roles: true, passwordTokens: true },
    });
    expect(user).toMatchObject({ kind: "internal", active: true, passwordHash: null, name: "Ada Lovelace" });
    expect(user.roles.map((r) => r.role)).toEqual([ROLE.admin]);
    expect(user.passwordTokens).toHaveLength(1);
    expect(user.passwordTokens[0].tokenHash).not.toContain(tokenOf(admin.url)); // only its SHA-256
    expect(await describePasswordLink(tokenOf(admin.url))).toMatchObject({ valid: true, purpose: "setup" });
  });

  it("SET-1: refuses a second first administrator while the first has not set a password; the same email gets a new link", async () => {
    await expect(createFirstAdmin({ email: "bob@example.com" })).rejects.toThrow(
      "ada@example.com was made the first administrator and has not set a password yet.",
    );
    expect(await db().user.count({ where: { email: "bob@example.com" } })).toBe(0);
    const first = await db().passwordToken.findFirstOrThrow({ orderBy: { id: "asc" } });
    const again = await createFirstAdmin({ email: "ada@example.com" });
    // The earlier link stops working; the new one works.
    expect(
      (await db().passwordToken.findUniqueOrThrow({ where: { id: first.id } })).expiresAt.getTime(),
    ).toBeLessThanOrEqual(Date.now());
    await setPasswordWithLink(tokenOf(again.url), PASSWORD);
    expect(
      (await db().user.findUniqueOrThrow({ where: { email: "ada@example.com" } })).passwordHash,
    ).not.toBeNull();
  });

  it("SET-1: refused once an active administrator can sign in — nothing is made", async () => {
    const users = await db().user.count();
    await expect(createFirstAdmin({ email: "eve@example.com" })).rejects.toThrow(
      "An active administrator exists (ada@example.com); admin:create only makes the first one.",
    );
    await expect(createFirstAdmin({ email: "ada@example.com" })).rejects.toThrow(
      /An active administrator exists/,
    );
    expect(await db().user.count()).toBe(users);
  });

  it("SET-1: a bad or lookalike email is refused naming Email", async () => {
    await expect(createFirstAdmin({ email: "not-an-email" })).rejects.toMatchObject({ field: "email" });
    await expect(createFirstAdmin({ email: "ad\u200ba@example.com" })).rejects.toMatchObject({
      field: "email",
    });
  });

  it("SET-1 / ADM-3: admin:create reactivating a deactivated administrator ends any session left from before", async () => {
    const ada = await db().user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    await db().user.update({ where: { id: ada.id }, data: { active: false } });
    // A session made while the deactivation committed (ADM-3): dead while she is inactive.
    await db().session.create({
      data: { id: "left-from-before", userId: ada.id, expiresAt: new Date(Date.now() + 3600_000) },
    });
    await createFirstAdmin({ email: "ada@example.com" });
    const after = await db().user.findUniqueOrThrow({ where: { id: ada.id } });
    expect(after.active).toBe(true);
    expect(after.version).toBeGreaterThan(ada.version);
    expect(await db().session.count({ where: { userId: ada.id } })).toBe(0);
  });
});
