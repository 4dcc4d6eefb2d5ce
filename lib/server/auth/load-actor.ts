import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";

type Row = {
  id: unknown;
  name: string;
  email: string;
  kind: string;
  accountId: unknown;
  active: unknown;
  role: string | null;
};

export type SessionRef = { userId: number; sid: string };

async function queryActor(userId: number, session: Prisma.Sql): Promise<Actor | null> {
  const rows = await db().$queryRaw<Row[]>`
    SELECT u."id", u."name", u."email", u."kind", u."accountId", u."active", r."role"
    FROM "User" u ${session} LEFT JOIN "UserRole" r ON r."userId" = u."id"
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

/**
 * The signed-in person of a request: the user with their roles, or null when the session has
 * ended or expired, or the user is unknown or deactivated. Runs on every request, so it is one
 * statement (session joined to user and roles).
 */
export function loadSessionActor(ref: SessionRef, now = new Date()): Promise<Actor | null> {
  return queryActor(
    ref.userId,
    Prisma.sql`JOIN "Session" s ON s."id" = ${ref.sid} AND s."userId" = u."id" AND s."expiresAt" > ${now}`,
  );
}

/** A user with their roles, without a session (seed, fixtures, tools), or null when deactivated. */
export function loadActor(userId: number): Promise<Actor | null> {
  return queryActor(userId, Prisma.empty);
}
