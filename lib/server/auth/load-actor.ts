import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";

type Row = { id: unknown; name: string; email: string; kind: string; accountId: unknown; active: unknown; role: string | null };

/**
 * The user with their roles, or null when unknown or deactivated. Runs on every request, so it
 * is one statement (user joined to roles) rather than two.
 */
export async function loadActor(userId: number): Promise<Actor | null> {
  const rows = await db().$queryRaw<Row[]>`
    SELECT u."id", u."name", u."email", u."kind", u."accountId", u."active", r."role"
    FROM "User" u LEFT JOIN "UserRole" r ON r."userId" = u."id"
    WHERE u."id" = ${userId}`;
  const user = rows[0];
  if (!user || !Number(user.active)) return null;
  return {
    id: Number(user.id),
    name: user.name,
    email: user.email,
    kind: user.kind as Actor["kind"],
    accountId: user.accountId === null ? null : Number(user.accountId),
    roles: rows.map((r) => r.role).filter((r): r is string => r !== null),
  };
}
