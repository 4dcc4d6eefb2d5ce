import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { checkCredentials, hashPassword } from "./credentials";

async function userWithPassword(password: string) {
  const actor = await makeUser(["sn_customerservice_agent"], { passwordHash: await hashPassword(password) });
  return actor;
}

describe("sign-in (REL-5)", () => {
  it("REL-5: passwords are stored as slow bcrypt hashes, never as text", async () => {
    const u = await userWithPassword("s3cret-pass");
    const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(row.passwordHash).not.toContain("s3cret-pass");
  });

  it("REL-5: right password signs in (email is case-insensitive); wrong or unknown is one answer", async () => {
    const u = await userWithPassword("right");
    expect(await checkCredentials(u.email.toUpperCase(), "right", null)).toEqual({ ok: true, userId: u.id });
    expect(await checkCredentials(u.email, "wrong", null)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials("nobody@test.example", "x", null)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("REL-5: after five failures even the right password waits", async () => {
    const u = await userWithPassword("right");
    for (let i = 0; i < 5; i++)
      expect((await checkCredentials(u.email, `wrong${i}`, "10.0.0.9")).ok).toBe(false);
    const blocked = await checkCredentials(u.email, "right", "10.0.0.9");
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    expect((blocked as { retryInSeconds: number }).retryInSeconds).toBeGreaterThan(0);
  });

  it("REL-5: a deactivated user cannot sign in", async () => {
    const u = await userWithPassword("right");
    await db().user.update({ where: { id: u.id }, data: { active: false } });
    expect(await checkCredentials(u.email, "right", null)).toEqual({ ok: false, reason: "invalid" });
  });
});
