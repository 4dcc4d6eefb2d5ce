// REL-5: the sign-in throttle holds under parallel attempts, on SQLite and PostgreSQL.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { THROTTLE } from "@/lib/domain/auth/throttle";
import { makeUser } from "@/lib/testing/fixtures";
import { checkCredentials, hashPassword } from "./credentials";

async function userWithPassword(password: string) {
  return makeUser(["sn_customerservice_agent"], { passwordHash: await hashPassword(password) });
}

const burst = (email: string, n: number, ip: string | null = null) =>
  Promise.all(Array.from({ length: n }, (_, i) => checkCredentials(email, `wrong-${i}`, ip)));

const tally = (results: Awaited<ReturnType<typeof checkCredentials>>[]) => ({
  checked: results.filter((r) => !r.ok && r.reason === "invalid").length,
  throttled: results.filter((r) => !r.ok && r.reason === "throttled").length,
  signedIn: results.filter((r) => r.ok).length,
});

/** Moves the block into the past, as if the person had waited. */
const waitOutBlock = (key: string) =>
  db().loginThrottle.update({ where: { key }, data: { blockedUntil: new Date(Date.now() - 1000) } });

describe("sign-in throttle under parallel attempts (REL-5)", () => {
  it("REL-5: 30 parallel wrong passwords for one email get at most 5 checked; repeated bursts none", async () => {
    const u = await userWithPassword("right-password");
    const first = tally(await burst(u.email, 30));
    expect(first.checked).toBeLessThanOrEqual(5);
    expect(first.checked + first.throttled).toBe(30);
    for (let round = 0; round < 2; round++) expect(tally(await burst(u.email, 30)).checked).toBe(0);

    expect(await checkCredentials(u.email, "right-password", null)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    await waitOutBlock(`email:${u.email}`);
    expect(await checkCredentials(u.email, "right-password", null)).toMatchObject({ ok: true, userId: u.id });
  });

  it("REL-5: after a block has passed, a parallel burst gets one attempt checked and the block returns", async () => {
    const u = await userWithPassword("right-password");
    await burst(u.email, 10);
    await waitOutBlock(`email:${u.email}`);
    const after = tally(await burst(u.email, 20));
    expect(after).toEqual({ checked: 1, throttled: 19, signedIn: 0 });
  });

  it("REL-5 / REL-8: per client address, 60 parallel wrong passwords for different emails get at most the address's allowance checked", async () => {
    const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => checkCredentials(`nobody-${i}-${ip}@test.example`, "x", ip)),
    );
    const t = tally(results);
    expect(t.checked).toBeLessThanOrEqual(THROTTLE.addressFreeFailures);
    expect(t.throttled).toBeGreaterThanOrEqual(60 - THROTTLE.addressFreeFailures);
  });

  it("REL-5: a right password gives its attempt back to the address and starts the email afresh", async () => {
    const u = await userWithPassword("right-password");
    const ip = "10.8.0.1";
    for (let i = 0; i < 4; i++) await checkCredentials(u.email, `wrong-${i}`, ip);
    expect(await checkCredentials(u.email, "right-password", ip)).toMatchObject({ ok: true, userId: u.id });
    expect(await db().loginThrottle.findUnique({ where: { key: `email:${u.email}` } })).toBeNull();
    expect((await db().loginThrottle.findUniqueOrThrow({ where: { key: `ip:${ip}` } })).failures).toBe(4);
  });
});
