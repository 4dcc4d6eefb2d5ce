import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { notFound } from "@/lib/domain/errors";
import { requireExternalScope, type ScopeClause } from "@/lib/domain/scope/external";
import { num } from "../sql";

/** A SQL alias the caller wrote itself; checked because it is spliced into the statement raw. */
const ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * One clause as a predicate on the case. Each walks an index of "Case" (contactId, accountId,
 * partnerContactId, consumerId); related accounts are one uncorrelated IN list read from the
 * AccountRelationship (partnerAccountId, customerAccountId) index, so a partner admin with
 * 10,000 cases costs one index lookup for the accounts, never a subquery per case.
 */
function clauseSql(clause: ScopeClause, column: (name: string) => Prisma.Sql): Prisma.Sql {
  switch (clause.by) {
    case "contact":
      return Prisma.sql`${column("contactId")} = ${clause.userId}`;
    case "account":
      return Prisma.sql`${column("accountId")} = ${clause.accountId}`;
    case "partnerContact":
      return Prisma.sql`${column("partnerContactId")} = ${clause.userId}`;
    case "relatedAccounts":
      return Prisma.sql`${column("accountId")} IN (SELECT r."customerAccountId" FROM "AccountRelationship" r
        WHERE r."partnerAccountId" = ${clause.partnerAccountId})`;
    case "consumer":
      return Prisma.sql`${column("consumerId")} = ${clause.userId}`;
  }
}

/** The clauses as one boolean predicate over the "Case" row aliased `alias`; false for none. */
export function scopeSql(clauses: readonly ScopeClause[], alias: string): Prisma.Sql {
  if (!ALIAS.test(alias)) throw new Error(`Not an SQL alias: ${alias}`);
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  if (!clauses.length) return Prisma.sql`(1 = 0)`;
  return Prisma.sql`(${Prisma.join(
    clauses.map((c) => clauseSql(c, column)),
    " OR ",
  )})`;
}

/**
 * ROLE-3 / POR-1: the cases an external user may see, as a predicate over the "Case" row aliased
 * `alias`, for every portal read to put in its own WHERE — one statement, filtered in the
 * database. Refuses the signed-out, internal users and external users without a portal role.
 */
export function externalCaseFilter(actor: Actor | null | undefined, alias: string): Prisma.Sql {
  return scopeSql(requireExternalScope(actor), alias);
}

/**
 * The case `number` if the external user may see it. One they may not see answers exactly as a
 * number that does not exist (POR-4), so a number reveals nothing about another account.
 */
export async function getExternalCaseRef(
  actor: Actor | null | undefined,
  number: string,
  client: Tx = db(),
): Promise<{ id: number; number: string }> {
  const scope = externalCaseFilter(actor, "c");
  const [row] = await client.$queryRaw<{ id: unknown; number: string }[]>`
    SELECT c."id", c."number" FROM "Case" c WHERE c."number" = ${number} AND ${scope}`;
  if (!row) throw notFound(`Case ${number}`);
  return { id: num(row.id), number: row.number };
}
