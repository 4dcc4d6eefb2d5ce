import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, transaction, type Tx } from "@/lib/db";
import { isAdmin, type Actor } from "@/lib/domain/auth/roles";
import { tokenByHash } from "@/lib/server/tables/api-token";
import { lockRows } from "@/lib/server/tables/row-locks";
import { auditCreation } from "../audit/write";
import { loadActor } from "./load-actor";

/** The audit's name for API tokens (ADM-4: their creation and revocation are audited). */
export const TOKEN_TABLE = "api_token";

/** Tokens look like cf_<43 characters>; only their sha256 is stored (ADM-4, API-3). */
const PREFIX = "cf_";
const LAST_USED_GRAIN_MS = 60_000;
export const hashApiToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/**
 * A new token for an active user, in the caller's transaction (ADM-4: with its audit row). Returns
 * the token — shown once — and its row: the database keeps its hash and its first characters (to
 * recognise it in a list), never the token.
 */
export async function issueApiToken(tx: Tx, userId: number, name: string, createdById: number | null) {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await tx.apiToken.create({
    data: { name, prefix: token.slice(0, 10), tokenHash: hashApiToken(token), userId, createdById },
    select: { id: true, name: true, prefix: true, userId: true, createdAt: true },
  });
  return { token, row };
}

/**
 * Whether the user is active, holding their row until the transaction ends: a deactivation running
 * at the same moment (which revokes their tokens) finishes first and this answers false, so no new
 * token slips past it.
 */
export async function lockActiveUser(tx: Tx, userId: number): Promise<boolean> {
  await lockRows(tx, "User", [userId]);
  const row = await tx.user.findUnique({ where: { id: userId }, select: { active: true } });
  return row?.active === true;
}

/** `npm run token:create`: a new API token for the active user with this email, printed once. */
export async function createApiToken(email: string, name = "token:create") {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw new Error(`No user with the email ${email}.`);
  const token = await transaction(async (tx) => {
    if (!(await lockActiveUser(tx, user.id)))
      throw new Error(`The user ${user.email} is deactivated; a token for them would not work.`);
    const { token, row } = await issueApiToken(tx, user.id, name, null);
    await auditCreation(tx, TOKEN_TABLE, row, null); // by System: the command line has no signed-in admin
    return token;
  });
  return { token, user };
}

export type BearerCheck = { ok: true; actor: Actor } | { ok: false; status: 401 | 403; message: string };

/**
 * The user of an `Authorization: Bearer <token>` header: 401 when there is no token, or it is
 * unknown or revoked, or its user is deactivated (ADM-3); the caller checks the role (403).
 */
export async function actorForBearer(header: string | null): Promise<BearerCheck> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1];
  if (!token) return { ok: false, status: 401, message: "Send an API token: Authorization: Bearer <token>." };
  const row = await tokenByHash(hashApiToken(token));
  const actor = row && !row.revokedAt ? await loadActor(row.userId) : null;
  if (!row || !actor)
    return { ok: false, status: 401, message: "The API token is unknown, revoked or its user inactive." };
  // ADM-4's "last used" to the minute: one write a minute per token, not one per request (PERF-6).
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_GRAIN_MS)
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return { ok: true, actor };
}

/**
 * PRO-5: who may post raw email. An inbound message writes as the case's customer, so whoever
 * submits it vouches for any customer's mail: only an active administrator's token (the mail
 * gateway's account) may — a 403 for anyone else.
 */
export async function inboundEmailActor(header: string | null): Promise<BearerCheck> {
  const check = await actorForBearer(header);
  if (check.ok && !isAdmin(check.actor))
    return { ok: false, status: 403, message: "Only an administrator's API token may post inbound email." };
  return check;
}
