import "server-only";
import bcrypt from "bcryptjs";
import { db } from "@/lib/db";
import { afterFailure, waitFor, type ThrottleState } from "@/lib/domain/auth/throttle";

export const PASSWORD_COST = 10;
export const hashPassword = (plain: string) => bcrypt.hash(plain, PASSWORD_COST);

// A hash to compare against when the email is unknown, so both cases take the same time.
const DUMMY_HASH = bcrypt.hashSync("caseflow-timing-equaliser", PASSWORD_COST);

export type CheckResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryInSeconds: number };

/** Per email, and (with a higher allowance) per client address. */
const keysFor = (email: string, ip: string | null) => [{ key: `email:${email}`, free: 5 }, ...(ip ? [{ key: `ip:${ip}`, free: 50 }] : [])];

async function readThrottle(key: string): Promise<ThrottleState | null> {
  return db().loginThrottle.findUnique({ where: { key } });
}

/** REL-5: verifies a password with bcrypt, refusing while the email or address is throttled. */
export async function checkCredentials(emailInput: string, password: string, ip: string | null): Promise<CheckResult> {
  const email = emailInput.trim().toLowerCase();
  const now = new Date();
  const keys = keysFor(email, ip);
  const states = await Promise.all(keys.map((k) => readThrottle(k.key)));
  const wait = Math.max(...states.map((s) => waitFor(s, now)));
  if (wait > 0) return { ok: false, reason: "throttled", retryInSeconds: Math.ceil(wait / 1000) };

  const user = await db().user.findUnique({ where: { email }, select: { id: true, passwordHash: true, active: true } });
  const valid = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (user && user.active && user.passwordHash && valid) {
    await db().loginThrottle.deleteMany({ where: { key: keys[0].key } });
    return { ok: true, userId: user.id };
  }
  await db().$transaction(async (tx) => {
    for (const [i, k] of keys.entries()) {
      const next = afterFailure(states[i], now, k.free);
      await tx.loginThrottle.upsert({ where: { key: k.key }, create: { key: k.key, ...next }, update: next });
    }
  });
  return { ok: false, reason: "invalid" };
}
