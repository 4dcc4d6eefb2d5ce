import "server-only";
import type { Actor } from "@/lib/domain/auth/roles";
import { userWithRoles, userWithRolesInSession, type UserRoleRow } from "@/lib/server/tables/user";

export type SessionRef = { userId: number; sid: string };

function actorOf(rows: UserRoleRow[]): Actor | null {
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
  return actorOf(await userWithRolesInSession(ref.userId, ref.sid, now));
}

/** A user with their roles, without a session (seed, fixtures, tools), or null when deactivated. */
export async function loadActor(userId: number): Promise<Actor | null> {
  return actorOf(await userWithRoles(userId));
}
