import "server-only";
import { controlCharacterIn } from "@/lib/domain/validation";
import { db, type Prisma, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { notFound } from "@/lib/domain/errors";
import { requireExternalScope } from "@/lib/domain/scope/external";
import { findCaseRefInScope, scopeSql } from "@/lib/server/tables/case-scope";

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
  const scope = requireExternalScope(actor);
  // A control character is in no number; PostgreSQL would refuse the query (REL-8).
  const row = controlCharacterIn(number) ? null : await findCaseRefInScope(client, scope, number);
  if (!row) throw notFound(`Case ${number}`);
  return row;
}
