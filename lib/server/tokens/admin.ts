import "server-only";
import { db, transaction } from "@/lib/db";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid, notFound } from "@/lib/domain/errors";
import {
  newTokenSchema,
  tokenRevokeSchema,
  type NewTokenInput,
  type TokenRevokeInput,
} from "@/lib/domain/auth/schemas";
import { listPage, parseOrThrow } from "@/lib/domain/validation";
import { auditCreation, writeAudit } from "../audit/write";
import { issueApiToken, lockActiveUser, TOKEN_TABLE } from "../auth/api-token";

export const TOKENS_PAGE = 50;
/** The audit table of API tokens. */

function assertAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden("Only administrators can manage API tokens.");
}

/** ADM-4: every token, newest first — name, user, prefix, created, last used, revoked; never the token. */
export async function listApiTokens(actor: Actor, filter: { page?: unknown } = {}) {
  assertAdmin(actor);
  const page = listPage(filter.page);
  const [rows, total] = await Promise.all([
    db().apiToken.findMany({
      orderBy: { id: "desc" },
      skip: (page - 1) * TOKENS_PAGE,
      take: TOKENS_PAGE,
      select: {
        id: true,
        name: true,
        prefix: true,
        createdAt: true,
        lastUsedAt: true,
        revokedAt: true,
        user: { select: { id: true, name: true, email: true, active: true } },
      },
    }),
    db().apiToken.count(),
  ]);
  return { rows, total, page };
}

/**
 * ADM-4: a token for an active user. The token is in the answer once — only its sha256 is
 * stored; the list shows its first characters.
 */
export async function createTokenForUser(actor: Actor, raw: NewTokenInput) {
  assertAdmin(actor);
  const input = parseOrThrow(newTokenSchema, raw);
  const userId = input.userId;
  return transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw invalid("userId", "User was not found; pick them again from the list.");
    if (!(await lockActiveUser(tx, userId)))
      throw invalid("userId", `User ${user.email} is deactivated: a token for them would not work.`);
    const { token, row } = await issueApiToken(tx, userId, input.name, actor.id);
    await auditCreation(tx, TOKEN_TABLE, row, actor);
    return { token, id: row.id, name: row.name, prefix: row.prefix, email: user.email };
  });
}

/** ADM-4: revokes a token; the next request with it answers 401 (actorForBearer). */
export async function revokeApiToken(actor: Actor, raw: TokenRevokeInput) {
  assertAdmin(actor);
  const { id } = parseOrThrow(tokenRevokeSchema, raw);
  return transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id }, select: { name: true, revokedAt: true } });
    if (!row) throw notFound("The API token");
    if (row.revokedAt) return { id, name: row.name, changed: false };
    const revokedAt = new Date();
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
    if (!count) return { id, name: row.name, changed: false };
    await writeAudit(
      tx,
      TOKEN_TABLE,
      id,
      [{ field: "revokedAt", oldValue: null, newValue: revokedAt.toISOString() }],
      actor,
    );
    return { id, name: row.name, changed: true };
  });
}
