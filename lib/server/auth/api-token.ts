import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { isAdmin, type Actor } from "@/lib/domain/auth/roles";
import { loadActor } from "./load-actor";

/** Tokens look like cf_<43 characters>; only their sha256 is stored (ADM-4, API-3). */
const PREFIX = "cf_";
export const hashApiToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/**
 * A new API token for the user with this email, printed once by `npm run token:create`: the
 * database keeps its hash and its first characters (to recognise it in a list), never the token.
 */
export async function createApiToken(email: string, name = "token:create") {
  const user = await db().user.findFirst({ where: { email: { equals: email.trim() } } });
  if (!user) throw new Error(`No user with the email ${email}.`);
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  await db().apiToken.create({
    data: { name, prefix: token.slice(0, 10), tokenHash: hashApiToken(token), userId: user.id },
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
  const row = await db().apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
  const actor = row && !row.revokedAt ? await loadActor(row.userId) : null;
  if (!row || !actor)
    return { ok: false, status: 401, message: "The API token is unknown, revoked or its user inactive." };
  await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
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
