import "server-only";
import { statement } from "@/lib/db/json-sql";
import { readRows } from "@/lib/db/read";
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

// Every request reads its person: one statement through the driver (lib/db/read.ts), not the ORM.
const columns = `SELECT u."id", u."name", u."email", u."kind", u."accountId", u."active", r."role" FROM "User" u`;
const WITH_SESSION = statement(
  (d) => `${columns}
    JOIN "Session" s ON s."id" = ${d.p(2)} AND s."userId" = u."id" AND s."expiresAt" > ${d.p(3)}
    LEFT JOIN "UserRole" r ON r."userId" = u."id" WHERE u."id" = ${d.p(1)}`,
);
const WITHOUT_SESSION = statement(
  (d) => `${columns} LEFT JOIN "UserRole" r ON r."userId" = u."id" WHERE u."id" = ${d.p(1)}`,
);

function actorOf(rows: Row[]): Actor | null {
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
export async function loadSessionActor(ref: SessionRef, now = new Date()): Promise<Actor | null> {
  return actorOf(await readRows<Row>(WITH_SESSION, [ref.userId, ref.sid, now]));
}

/** A user with their roles, without a session (seed, fixtures, tools), or null when deactivated. */
export async function loadActor(userId: number): Promise<Actor | null> {
  return actorOf(await readRows<Row>(WITHOUT_SESSION, [userId]));
}
