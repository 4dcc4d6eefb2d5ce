import "server-only";
// "User": people (agents, contacts, consumers), read with their roles and sessions.
import type { Tx } from "@/lib/db";
import { statement } from "@/lib/db/json-sql";
import { readRows } from "@/lib/db/read";
import { insertJsonRows, jsonRows, num, type JsonColumn } from "./sql";

/** A user with one of their roles per row (role null when they hold none). */
export type UserRoleRow = {
  id: unknown;
  name: string;
  email: string;
  kind: string;
  accountId: unknown;
  active: unknown;
  role: string | null;
};

// A request's person with a session is read with the rest of what its page needs first
// (lib/server/auth/requester-read.ts); this one, without a session, through the driver too.
const WITHOUT_SESSION = statement(
  (d) => `SELECT u."id", u."name", u."email", u."kind", u."accountId", u."active", r."role" FROM "User" u
    LEFT JOIN "UserRole" r ON r."userId" = u."id" WHERE u."id" = ${d.p(1)}`,
);

/** The user with their roles, without a session. */
export function userWithRoles(userId: number): Promise<UserRoleRow[]> {
  return readRows<UserRoleRow>(WITHOUT_SESSION, [userId]);
}

export type CustomerRow = { id: number; name: string; kind: string; accountId: number | null };

/** The active contact or consumer with this address (raw: one lookup per email of a burst). */
export async function activeCustomerByEmail(tx: Tx, from: string): Promise<CustomerRow | null> {
  const rows = await tx.$queryRaw<{ id: unknown; name: string; kind: string; accountId: unknown }[]>`
    SELECT "id", "name", "kind", "accountId" FROM "User"
    WHERE "email" = ${from.trim().toLowerCase()} AND "kind" IN ('contact', 'consumer') AND "active" = ${true}
    LIMIT 1`;
  const r = rows[0];
  return r
    ? { id: num(r.id), name: r.name, kind: r.kind, accountId: r.accountId === null ? null : num(r.accountId) }
    : null;
}

export type NewUserRow = {
  kind: string;
  email: string;
  name: string;
  phone: string | null;
  accountId: number | null;
  active: boolean;
};

const PERSON_COLUMNS: JsonColumn[] = [
  { name: "kind", type: "text" },
  { name: "email", type: "text" },
  { name: "name", type: "text" },
  { name: "phone", type: "text" },
  { name: "accountId", type: "int" },
  { name: "active", type: "bool" },
];

/** SET-3's import: many new people in one statement, created and updated at `now`. */
export async function insertUsers(tx: Tx, people: readonly NewUserRow[], now: Date): Promise<void> {
  const rows = people.map((p) => [p.kind, p.email, p.name, p.phone, p.accountId, p.active]);
  await insertJsonRows(tx, "User", PERSON_COLUMNS, rows, { createdAt: now, updatedAt: now });
}

/**
 * The ids of the users with these emails, in one statement: the JSON rows lead the join (CROSS
 * JOIN keeps SQLite from scanning "User" once per row), each finding its user by the unique index.
 */
export async function userIdsByEmail(tx: Tx, emails: readonly string[]): Promise<Map<string, number>> {
  const list = jsonRows(
    [{ name: "email", type: "text" }],
    emails.map((e) => [e]),
  );
  const ids = await tx.$queryRaw<{ id: unknown; email: string }[]>`
    SELECT u."id", u."email" FROM (${list}) t CROSS JOIN "User" u WHERE u."email" = t."email"`;
  return new Map(ids.map((r) => [r.email, Number(r.id)]));
}
