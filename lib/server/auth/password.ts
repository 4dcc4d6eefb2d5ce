import "server-only";
import bcrypt from "bcryptjs";
import { afterCommit, db, transaction, type Tx } from "@/lib/db";
import { passwordChangeSchema, type PasswordChangeInput } from "@/lib/domain/auth/password";
import type { Actor } from "@/lib/domain/auth/roles";
import { invalid } from "@/lib/domain/errors";
import { parseOrThrow } from "@/lib/domain/validation";
import { hashPassword, throttleKeys } from "./credentials";
import { endOtherSessions } from "./sessions";
import { lockRows } from "../tables/row-locks";
import { forgetDemoPassword } from "./demo-password";
import { admitAttempt, recordSuccess } from "./throttle-store";

/**
 * REL-5: a signed-in person changes their password. The current password is checked with
 * bcrypt and counted by the sign-in throttle (a stolen session cannot guess it quickly); the
 * new hash is stored and every OTHER session of the user ends in the same transaction — the
 * session that made the change stays signed in. Returns how many sessions ended.
 */
export async function changePassword(
  actor: Actor,
  currentSid: string | null,
  raw: PasswordChangeInput,
): Promise<{ endedSessions: number }> {
  const input = parseOrThrow(passwordChangeSchema(actor.email), raw);
  const [own] = throttleKeys(actor.email, null);
  const admitted = await admitAttempt([own], new Date());
  if (!admitted.check) {
    const wait = Math.max(1, Math.ceil(admitted.retryMs / 1000));
    throw invalid("currentPassword", `Too many wrong passwords. Wait ${wait} seconds and try again.`);
  }
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await bcrypt.compare(input.currentPassword, user.passwordHash)))
    throw invalid("currentPassword", "Current password is not right.");
  await recordSuccess(own, []);
  // bcrypt reads at most 72 bytes: a new password that only differs after them would be the same.
  if (await bcrypt.compare(input.newPassword, user.passwordHash))
    throw invalid("newPassword", "New password must differ from the current one.");
  const passwordHash = await hashPassword(input.newPassword);
  return transaction(async (tx) => {
    await storePassword(tx, actor.id, passwordHash);
    return { endedSessions: await endOtherSessions(tx, actor.id, currentSid) };
  });
}

/**
 * Every way of setting a password ends here: the new hash is stored and the demo-password mark
 * (SET-1's banner) cleared; the user's unused password links stop working (SET-4: one link, one use).
 */
export async function storePassword(tx: Tx, userId: number, passwordHash: string): Promise<void> {
  // FOR UPDATE, which a sign-in's FOR KEY SHARE waits for (createSignInSession): a plain update
  // would not make it wait, and the old password would get a session after the change.
  await lockRows(tx, "User", [userId]);
  await tx.user.update({ where: { id: userId }, data: { passwordHash, demoPassword: false } });
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  afterCommit(tx, forgetDemoPassword); // the banner may go: the next page asks again
}
