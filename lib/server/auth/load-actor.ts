import "server-only";
import type { Actor } from "@/lib/domain/auth/roles";
import { userWithRoles, type UserRoleRow } from "@/lib/server/tables/user";
import { readRequester, type RequesterDocument } from "./requester-read";

export type SessionRef = { userId: number; sid: string };

/** A user's own columns, as either read gives them. */
type UserFields = Omit<UserRoleRow, "role">;

function actorOf(user: UserFields | null | undefined, roles: readonly (string | null)[]): Actor | null {
  if (!user || !Number(user.active)) return null;
  return {
    id: Number(user.id),
    name: user.name,
    email: user.email,
    kind: user.kind as Actor["kind"],
    accountId: user.accountId === null ? null : Number(user.accountId),
    roles: roles.filter((r): r is string => r !== null),
  };
}

/** A signed-in person and what the same statement read for their pages (./requester-read.ts). */
export type SessionStart = {
  actor: Actor;
  pluginsOff: RequesterDocument["pluginsOff"];
  views: RequesterDocument["views"];
};

/**
 * The signed-in person of a request with what every page shows of them, or null when the session
 * has ended or expired, or the user is unknown or deactivated. Runs on every request: one statement.
 */
export async function loadSessionStart(ref: SessionRef, now = new Date()): Promise<SessionStart | null> {
  const doc = await readRequester(ref.userId, ref.sid, now);
  const actor = actorOf(doc.user, doc.roles);
  return actor && { actor, pluginsOff: doc.pluginsOff, views: doc.views };
}

/** The signed-in person of a request (loadSessionStart without the rest), or null. */
export async function loadSessionActor(ref: SessionRef, now = new Date()): Promise<Actor | null> {
  return (await loadSessionStart(ref, now))?.actor ?? null;
}

/** A user with their roles, without a session (seed, fixtures, tools), or null when deactivated. */
export async function loadActor(userId: number): Promise<Actor | null> {
  const rows = await userWithRoles(userId);
  return actorOf(
    rows[0],
    rows.map((r) => r.role),
  );
}
