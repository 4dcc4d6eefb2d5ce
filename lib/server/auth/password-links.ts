import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, transaction, type Prisma, type Tx } from "@/lib/db";
import {
  isTokenShaped,
  LINK_LIFETIME_MS,
  LINK_NOT_VALID,
  linkState,
  mayResetPassword,
  setPasswordPath,
  type LinkPurpose,
} from "@/lib/domain/auth/password-links";
import { setPasswordSchema, type SetPasswordInput } from "@/lib/domain/auth/password";
import { invalid } from "@/lib/domain/errors";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import { insertPasswordToken } from "@/lib/server/tables/password-token";
import { appUrl } from "../app-url";
import { writeAudit } from "../audit/write";
import { hashPassword, throttleKeys } from "./credentials";
import { storePassword } from "./password";
import { endAllSessions } from "./sessions";
import { lockRows } from "../tables/row-locks";

// SET-1, SET-4: one-time links to /set-password. A link carries 32 random bytes; the database keeps
// only their SHA-256 (a copy of the database sets no password), the purpose, the expiry and when it
// was used. Setting a password through a link uses it up, ends every session of the user and lifts
// the sign-in block of their email (REL-8: the owner gets in while a stranger keeps the form locked).

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** The full link for a token, at the public address of Caseflow (APP_URL). */
export const passwordLinkUrl = (token: string) => `${appUrl()}${setPasswordPath(token)}`;

/**
 * A new link for the user, in the caller's transaction; earlier unused links of the same purpose stop
 * working (the newest email is the one to follow) — except reset links, which a stranger can request
 * for anyone: each works until used or expired (at most LIVE_RESET_LINKS at once, password-reset.ts).
 * With a `requestKey` (an Invite click), a second call with the same key makes nothing and answers
 * null: a double click sends one email.
 */
export async function issuePasswordLink(
  tx: Tx,
  p: { userId: number; purpose: LinkPurpose; createdById: number | null; requestKey?: string | null },
  now = new Date(),
): Promise<{ id: number; token: string; expiresAt: Date } | null> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[p.purpose]);
  const id = await insertPasswordToken(tx, {
    userId: p.userId,
    purpose: p.purpose,
    tokenHash: hashToken(token),
    requestKey: p.requestKey ?? null,
    createdById: p.createdById,
    createdAt: now,
    expiresAt,
  });
  if (id === null) return null;
  if (p.purpose !== "reset")
    await tx.passwordToken.updateMany({
      where: { userId: p.userId, purpose: p.purpose, usedAt: null, id: { not: id }, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
  return { id, token, expiresAt };
}

const linkSelect = {
  id: true,
  purpose: true,
  usedAt: true,
  expiresAt: true,
  user: {
    select: {
      id: true,
      name: true,
      email: true,
      kind: true,
      active: true,
      roles: { select: { role: true } },
    },
  },
} satisfies Prisma.PasswordTokenSelect;

/**
 * The link's user may still sign in with it: active, and internal or holding a portal role — an
 * external user whose portal roles were taken away after the email left has nothing to sign in to.
 */
const userMaySignIn = (user: { active: boolean; kind: string; roles: { role: string }[] }) =>
  user.active && mayResetPassword({ kind: user.kind, roles: user.roles.map((r) => r.role) });

async function findLink(client: Tx | ReturnType<typeof db>, token: unknown) {
  if (!isTokenShaped(token)) return null;
  return client.passwordToken.findUnique({ where: { tokenHash: hashToken(token) }, select: linkSelect });
}

export type LinkInfo =
  { valid: true; purpose: LinkPurpose; name: string; email: string } | { valid: false; message: string };

/** What /set-password shows for a token: whose password it sets, or that it does not work. */
export async function describePasswordLink(token: unknown, now = new Date()): Promise<LinkInfo> {
  const link = await findLink(db(), token);
  if (!link || !userMaySignIn(link.user) || linkState(link, now) !== "valid")
    return { valid: false, message: LINK_NOT_VALID };
  return {
    valid: true,
    purpose: link.purpose as LinkPurpose,
    name: link.user.name,
    email: link.user.email,
  };
}

/**
 * Checks a /set-password submission without using the link: field errors for the password rules of
 * SET-4 (the user's email known from the link), or a refusal when the link does not work.
 */
export async function checkPasswordLinkInput(token: unknown, raw: SetPasswordInput, now = new Date()) {
  const info = await describePasswordLink(token, now);
  if (!info.valid) throw invalid("token", info.message);
  parseOrThrow(setPasswordSchema(info.email), raw);
  return info;
}

/**
 * SET-1, SET-4: sets the password through a link, once. In one transaction: the link is claimed (a
 * second use, also a concurrent one, finds it used), the password stored (the demo mark and the
 * user's other links cleared), every session of the user ended, the sign-in throttle of their email
 * lifted, and an audit row written (never the password). Answers the user, who is then signed in.
 */
export async function setPasswordWithLink(token: unknown, raw: SetPasswordInput, now = new Date()) {
  const info = await checkPasswordLinkInput(token, raw, now);
  const input = parseOrThrow(setPasswordSchema(info.email), raw);
  const passwordHash = await hashPassword(input.newPassword);
  return transaction(async (tx) => {
    const found = await findLink(tx, token);
    if (!found) throw invalid("token", LINK_NOT_VALID);
    // Links are retired (a newer invitation, a new email, a deactivation) under the user's row lock,
    // with the time they were retired as their end: the link is read again under that lock and
    // claimed at a time taken after it. Claimed at the time the request began, a link retired
    // meanwhile (while the password was hashed, or queued behind an import) still set the password.
    await lockRows(tx, "User", [found.user.id]);
    const link = await findLink(tx, token);
    const at = new Date(Math.max(now.getTime(), Date.now()));
    if (!link || !userMaySignIn(link.user)) throw invalid("token", LINK_NOT_VALID);
    const claimed = await tx.passwordToken.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: at } },
      data: { usedAt: at },
    });
    if (claimed.count !== 1) throw invalid("token", LINK_NOT_VALID);
    const user = link.user;
    await storePassword(tx, user.id, passwordHash);
    const endedSessions = await endAllSessions(tx, user.id);
    const [own] = throttleKeys(user.email, null);
    await tx.loginThrottle.deleteMany({ where: { key: own.key } });
    await writeAudit(
      tx,
      TABLE.user,
      user.id,
      [{ field: "password", oldValue: null, newValue: `set through a ${link.purpose} link` }],
      { id: user.id, name: user.name },
    );
    return { userId: user.id, email: user.email, kind: user.kind, endedSessions };
  });
}
