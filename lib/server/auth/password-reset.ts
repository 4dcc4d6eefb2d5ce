import "server-only";
import { transaction } from "@/lib/db";
import {
  LIVE_RESET_LINKS,
  mayResetPassword,
  RESET_ANSWER,
  resetMail,
} from "@/lib/domain/auth/password-links";
import { emailProblem, normalizeEmail } from "@/lib/domain/directory/email";
import { invalid } from "@/lib/domain/errors";
import { enqueueMail } from "../outbox/write";
import { lockRows } from "../tables/row-locks";
import { issuePasswordLink, passwordLinkUrl } from "./password-links";
import { admitAttempt, type ThrottleKey } from "./throttle-store";

/**
 * SET-4, REL-8: Forgot password? — a few requests per email from one client, and more per client, per
 * 15 minutes. The email's count is kept per client address: a stranger who keeps asking for someone's
 * link is slowed on their own address, never the owner on theirs (an email-wide block would let anyone
 * lock an owner out of the way back in). Without a known address (`next dev`), per email alone.
 */
export const resetThrottleKeys = (email: string, ip: string | null): ThrottleKey[] =>
  ip
    ? [
        { key: `reset:${email}:${ip}`, free: 3 },
        { key: `reset-ip:${ip}`, free: 20 },
      ]
    : [{ key: `reset:${email}`, free: 3 }];

/**
 * SET-4, REL-8: Forgot password? The request is counted per email and per client address first; over
 * the allowance the answer says to wait (the same for every email). Otherwise the answer is
 * RESET_ANSWER whatever the email, and `followUp` — run by the caller after answering (Next's
 * `after`), so that neither the words nor the time tell whether the email belongs to anyone — emails
 * an active user a reset link.
 */
export async function requestPasswordReset(
  raw: { email?: unknown },
  ip: string | null,
  now = new Date(),
): Promise<{ message: string; followUp: () => Promise<void> }> {
  const email = normalizeEmail(typeof raw.email === "string" ? raw.email : "");
  if (!email) throw invalid("email", "Enter your email address.");
  if (emailProblem(email)) throw invalid("email", "Enter a valid email address.");
  const admitted = await admitAttempt(resetThrottleKeys(email, ip), now);
  if (!admitted.check) {
    const minutes = Math.max(1, Math.ceil(admitted.retryMs / 60_000));
    throw invalid(
      "email",
      `Too many reset requests. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    );
  }
  return { message: RESET_ANSWER, followUp: () => sendResetLink(email) };
}

/**
 * The reset email for the active user with this email who may sign in (mayResetPassword), unless
 * LIVE_RESET_LINKS of theirs are already unused and working; none for anyone else.
 */
export async function sendResetLink(email: string, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (!found) return false;
    // Read again under the user's row lock (two requests at once count each other's link): an email
    // change, a deactivation or portal roles taken away committed meanwhile retired the user's links
    // under that lock — read before it, a new link was issued after them and mailed to the old address.
    await lockRows(tx, "User", [found.id]);
    const user = await tx.user.findUnique({
      where: { id: found.id },
      select: {
        id: true,
        name: true,
        email: true,
        active: true,
        kind: true,
        roles: { select: { role: true } },
      },
    });
    if (user?.email !== email || !user.active) return false;
    if (!mayResetPassword({ kind: user.kind, roles: user.roles.map((r) => r.role) })) return false;
    const live = await tx.passwordToken.count({
      where: { userId: user.id, purpose: "reset", usedAt: null, expiresAt: { gt: now } },
    });
    if (live >= LIVE_RESET_LINKS) return false;
    const link = await issuePasswordLink(tx, { userId: user.id, purpose: "reset", createdById: null });
    const mail = resetMail({ name: user.name, email: user.email, url: passwordLinkUrl(link!.token) });
    return enqueueMail(tx, {
      dedupeKey: `password-link:${link!.id}`,
      recipient: user.email,
      ...mail,
      event: "password_reset",
      source: { table: "sys_user", id: user.id },
    });
  });
}
