import "server-only";
// "UserRole": the roles each user holds.
import type { Tx } from "@/lib/db";
import { ASSIGNEE_ROLES, INTERNAL_ROLES, type AssignedKind } from "@/lib/domain/auth/roles";
import { jsonRows, num } from "./sql";

/**
 * A user's `roles` filter: holds an internal role. One without can be assigned, manage or join
 * nothing (WRK-1), so pickers offer only these, as the services check.
 */
export const HAS_INTERNAL_ROLE = { some: { role: { in: [...INTERNAL_ROLES] } } };

/**
 * A user's `roles` filter: can work this kind of record, so may be assigned it (WRK-1); without a
 * kind, holds any internal role.
 */
export const canBeAssigned = (kind?: AssignedKind) =>
  kind ? { some: { role: { in: [...ASSIGNEE_ROLES[kind]] } } } : HAS_INTERNAL_ROLE;

/**
 * SET-3's import: the roles of new users, given by their emails, in one statement. The JSON rows
 * lead the join (CROSS JOIN keeps SQLite from scanning "User" once per row; PostgreSQL plans it as
 * the inner join it is), each row finding its user by the unique email index.
 */
export async function insertRolesByEmail(tx: Tx, roles: readonly [email: string, role: string][]) {
  const pairs = jsonRows(
    [
      { name: "email", type: "text" },
      { name: "role", type: "text" },
    ],
    roles,
  );
  await tx.$executeRaw`
    INSERT INTO "UserRole" ("userId", "role")
    SELECT u."id", t."role" FROM (${pairs}) t CROSS JOIN "User" u WHERE u."email" = t."email"`;
}

const PAIRS = [
  { name: "userId", type: "int" },
  { name: "role", type: "text" },
] as const;

/**
 * SET-3's import: each of these users' roles become exactly those `roles` gives them — three
 * statements whatever their number: their roles read, the ones to drop deleted, the new ones added.
 * Each as an IN list, which SQLite builds once and looks up by key: a NOT EXISTS against the JSON
 * rows, or a join with them, read them once per role row (20 s for 4,000 users; 62 s for 10,000).
 */
export async function setRolesOf(
  tx: Tx,
  userIds: readonly number[],
  roles: readonly [userId: number, role: string][],
) {
  if (!userIds.length) return;
  const users = jsonRows(
    [{ name: "id", type: "int" }],
    userIds.map((id) => [id]),
  );
  const held = await tx.$queryRaw<{ userId: unknown; role: string }[]>`
    SELECT "userId", "role" FROM "UserRole" WHERE "userId" IN (SELECT t."id" FROM (${users}) t)`;
  const wanted = new Set(roles.map(([userId, role]) => `${userId} ${role}`));
  const gone = held.flatMap((h) =>
    wanted.has(`${num(h.userId)} ${h.role}`) ? [] : [[num(h.userId), h.role]],
  );
  if (gone.length)
    await tx.$executeRaw`
      DELETE FROM "UserRole"
      WHERE ("userId", "role") IN (SELECT p."userId", p."role" FROM (${jsonRows(PAIRS, gone)}) p)`;
  await tx.$executeRaw`
    INSERT INTO "UserRole" ("userId", "role")
    SELECT p."userId", p."role" FROM (${jsonRows(PAIRS, roles)}) p
    WHERE NOT EXISTS (SELECT 1 FROM "UserRole" r WHERE r."userId" = p."userId" AND r."role" = p."role")`;
}
