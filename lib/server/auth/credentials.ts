import "server-only";
import bcrypt from "bcryptjs";
import { db } from "@/lib/db";
import { THROTTLE } from "@/lib/domain/auth/throttle";
import { normalizeEmail } from "@/lib/domain/directory/email";
import { admitAttempt, recordSuccess, type ThrottleKey } from "./throttle-store";

export const PASSWORD_COST = 10;
export const hashPassword = (plain: string) => bcrypt.hash(plain, PASSWORD_COST);

// A hash to compare against when the email is unknown, so both cases take the same time.
const DUMMY_HASH = bcrypt.hashSync("caseflow-timing-equaliser", PASSWORD_COST);

export type CheckResult =
  /** The hash the password was checked against: the session is made only while it is the user's. */
  | { ok: true; userId: number; passwordHash: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryInSeconds: number };

/**
 * REL-5, REL-8: per email, and per client address across every email (a spray of one password over
 * many accounts from one address waits too). The emailed link (SET-4) goes through neither.
 */
export const throttleKeys = (email: string, ip: string | null): [ThrottleKey, ...ThrottleKey[]] => [
  { key: `email:${normalizeEmail(email)}`, free: THROTTLE.freeFailures },
  ...(ip ? [{ key: `ip:${ip}`, free: THROTTLE.addressFreeFailures }] : []),
];

/**
 * REL-5: verifies a password with bcrypt. The attempt is counted first (atomically, per key);
 * attempts over the allowance are refused without hashing anything.
 */
export async function checkCredentials(
  emailInput: string,
  password: string,
  ip: string | null,
): Promise<CheckResult> {
  const email = normalizeEmail(emailInput); // as stored (SET-2): NFKC, lower case
  const now = new Date();
  const [own, ...shared] = throttleKeys(email, ip);
  const admitted = await admitAttempt([own, ...shared], now);
  if (!admitted.check)
    return {
      ok: false,
      reason: "throttled",
      retryInSeconds: Math.max(1, Math.ceil(admitted.retryMs / 1000)),
    };

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true },
  });
  const valid = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (user && user.active && user.passwordHash && valid) {
    await recordSuccess(own, shared);
    return { ok: true, userId: user.id, passwordHash: user.passwordHash };
  }
  return { ok: false, reason: "invalid" };
}
