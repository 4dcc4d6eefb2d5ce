import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { THROTTLE } from "@/lib/domain/auth/throttle";
import { makeUser } from "@/lib/testing/fixtures";
import { checkCredentials, hashPassword } from "./credentials";
import { setPasswordWithLink } from "./password-links";
import { requestPasswordReset } from "./password-reset";

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
    expect(await checkCredentials(u.email.toUpperCase(), "right", null)).toMatchObject({
      ok: true,
      userId: u.id,
    });
    expect(await checkCredentials(u.email, "wrong", null)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials("nobody@test.example", "x", null)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("SET-2: an address typed in full-width letters or with symbols signs in as stored (NFKC, lower case)", async () => {
    const made = await userWithPassword("right");
    const email = `r&d.${made.id}@acme.example`;
    const u = await db().user.update({ where: { id: made.id }, data: { email } });
    expect(await checkCredentials(email, "right", null)).toMatchObject({ ok: true, userId: u.id });
    const fullWidth = email.replace("acme", "\uff41\uff43\uff4d\uff45"); // ａｃｍｅ
    expect(await checkCredentials(fullWidth, "right", null)).toMatchObject({ ok: true, userId: u.id });
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

/** A client address of this test alone (the throttle's rows outlive a test). */
const address = () =>
  `10.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}`;

describe("sign-in throttling per account and per client address (REL-8)", () => {
  it("REL-8: one address spraying one password over 24 accounts is slowed — after the address's allowance even a right password from it waits; another address does not", async () => {
    const hash = await hashPassword("their-own"); // one slow hash for all 24
    const accounts = await Promise.all(
      Array.from({ length: 24 }, () => makeUser(["sn_customerservice_agent"], { passwordHash: hash })),
    );
    const sprayer = address();
    const answers = [];
    for (const u of accounts) answers.push(await checkCredentials(u.email, "Winter2026!", sprayer));
    const throttled = answers.filter((a) => !a.ok && a.reason === "throttled");
    // Each account saw one attempt (far under its own 5): only the address's count stops the spray.
    expect(answers.slice(0, THROTTLE.addressFreeFailures)).toEqual(
      Array(THROTTLE.addressFreeFailures).fill({ ok: false, reason: "invalid" }),
    );
    expect(throttled).toHaveLength(24 - THROTTLE.addressFreeFailures);
    expect(await checkCredentials(accounts[0].email, "their-own", sprayer)).toMatchObject({
      reason: "throttled",
    });
    expect(await checkCredentials(accounts[0].email, "their-own", address())).toMatchObject({
      ok: true,
      userId: accounts[0].id,
    });
  });

  it("REL-8: right passwords from one address (an office behind one NAT) give their attempt back and never add up to a block", async () => {
    const office = address();
    const hash = await hashPassword("right");
    for (let i = 0; i < THROTTLE.addressFreeFailures + 5; i++) {
      const u = await makeUser(["sn_customerservice_agent"], { passwordHash: hash });
      expect(await checkCredentials(u.email, "right", office)).toMatchObject({ ok: true });
    }
  });

  it("REL-8 / SET-4: while a stranger keeps an account locked, its owner gets a link from their own address, sets a password and signs in", async () => {
    const owner = await userWithPassword("forgotten-one");
    const stranger = address();
    for (let i = 0; i < 12; i++) await checkCredentials(owner.email, `guess-${i}`, stranger);
    const home = address();
    // The account's own block stops the right password from anywhere…
    expect(await checkCredentials(owner.email, "forgotten-one", home)).toMatchObject({ reason: "throttled" });
    // …but not the way back in: Forgot password? is counted on its own keys, and the link on none.
    const reset = await requestPasswordReset({ email: owner.email }, home);
    await reset.followUp();
    const mail = await db().outboxMessage.findFirstOrThrow({
      where: { recipient: owner.email, event: "password_reset" },
    });
    const token = /set-password\?token=([A-Za-z0-9_-]{43})/.exec(mail.body)![1];
    const password = "a-new-long-password";
    await setPasswordWithLink(token, { newPassword: password, confirmPassword: password });
    expect(await checkCredentials(owner.email, password, home)).toMatchObject({ ok: true, userId: owner.id });
  });
});
