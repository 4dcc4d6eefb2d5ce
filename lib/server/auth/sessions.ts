import "server-only";
import { randomBytes } from "node:crypto";
import { db, transaction, type Tx } from "@/lib/db";
import { lockRows } from "../tables/row-locks";

/** How long a sign-in lasts (also the cookie's maxAge in lib/auth.ts). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * Server-side sessions: the cookie (a next-auth JWT) names a Session row, and a request is
 * signed in only while that row exists and has not expired (lib/server/auth/load-actor.ts).
 * Ending a session is deleting its row — a copied cookie is worth nothing afterwards.
 */
export async function createSession(userId: number, now = new Date()): Promise<string> {
  return transaction((tx) => insertSession(tx, userId, now));
}

/**
 * SET-4 / REL-5: a password sign-in's session, made only if the password it checked is still the
 * user's and they are still active; null otherwise (the sign-in fails as a wrong password does). The
 * check (bcrypt, a tenth of a second) ran before, outside any transaction: a password changed or reset
 * meanwhile — which ends every session of the user — was followed by a fresh 8-hour session for
 * whoever held the old password (a sign-in loop with it was never slowed: right passwords give their
 * attempt back). The user's row is read locked (FOR KEY SHARE: a password change under way — which
 * locks the row FOR UPDATE — is waited for, and one to come waits for the session, which it then ends).
 */
export async function createSignInSession(
  userId: number,
  checkedHash: string,
  now = new Date(),
): Promise<string | null> {
  return transaction(async (tx) => {
    // KEY SHARE: it waits for a password being set (storePassword locks FOR UPDATE first), not for a
    // long transaction's plain update of the row (an import of 10,000 contacts holds each it changes).
    await lockRows(tx, "User", [userId], "KEY SHARE");
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { passwordHash: true, active: true },
    });
    if (!user?.active || user.passwordHash !== checkedHash) return null;
    return insertSession(tx, userId, now);
  });
}

async function insertSession(tx: Tx, userId: number, now: Date): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  // Housekeeping: this user's expired sessions go when they sign in again.
  await tx.session.deleteMany({ where: { userId, expiresAt: { lte: now } } });
  await tx.session.create({
    data: {
      id,
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
  return id;
}

/** Sign-out: the session ends on the server, whatever happens to the cookie. */
export async function endSession(sid: string): Promise<void> {
  await transaction((tx) => tx.session.deleteMany({ where: { id: sid } }));
}

/** Every session of the user (deactivation, ADM-3). Returns how many ended. */
export async function endAllSessions(tx: Tx, userId: number): Promise<number> {
  return (await tx.session.deleteMany({ where: { userId } })).count;
}

/** Every session of the user but `keep` (a password change keeps the one that made it). */
export async function endOtherSessions(tx: Tx, userId: number, keep: string | null): Promise<number> {
  return (await tx.session.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } })).count;
}

/** For tests and tools: the live sessions of a user. */
export const sessionsOf = (userId: number) =>
  db().session.findMany({ where: { userId }, select: { id: true, expiresAt: true } });
