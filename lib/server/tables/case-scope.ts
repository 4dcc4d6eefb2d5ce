import "server-only";
// Table "Case": the cases an external user may see (ROLE-3) — the scope predicate and the portal's reads.
import { db, Prisma, type Tx } from "@/lib/db";
import type { PortalListQuery } from "@/lib/domain/portal/schemas";
import { OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import type { ScopeClause } from "@/lib/domain/scope/external";
import { num, numberOrTextSearch, pageAndCount } from "@/lib/server/tables/sql";

/** A SQL alias the caller wrote itself; checked because it is spliced into the statement raw. */
const ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The account column names an account related to the partner account (SET-2). */
const relatedTo = (account: Prisma.Sql, partnerAccountId: number) =>
  Prisma.sql`${account} IN (SELECT r."customerAccountId" FROM "AccountRelationship" r
        WHERE r."partnerAccountId" = ${partnerAccountId})`;

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
    case "account": // never a consumer's case (ROLE-3, ../../domain/scope/external.ts)
      return Prisma.sql`(${column("accountId")} = ${clause.accountId} AND ${column("consumerId")} IS NULL)`;
    case "partnerContact": {
      const p = clause.partnerAccountId;
      const account = column("accountId");
      const related =
        p === null ? Prisma.empty : Prisma.sql` OR ${account} = ${p} OR ${relatedTo(account, p)}`;
      return Prisma.sql`(${column("partnerContactId")} = ${clause.userId} AND (${account} IS NULL${related}))`;
    }
    case "relatedAccounts": {
      const related = relatedTo(column("accountId"), clause.partnerAccountId);
      return Prisma.sql`(${related} AND ${column("consumerId")} IS NULL)`;
    }
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

/** POR-4: the case `number` if it is in `scope`, else null (exactly as a number that does not exist). */
export async function findCaseRefInScope(
  client: Tx,
  scope: readonly ScopeClause[],
  number: string,
): Promise<{ id: number; number: string } | null> {
  const [row] = await client.$queryRaw<{ id: unknown; number: string }[]>`
    SELECT c."id", c."number" FROM "Case" c WHERE c."number" = ${number} AND ${scopeSql(scope, "c")}`;
  return row ? { id: num(row.id), number: row.number } : null;
}

/** Whether the case `caseId` is in `scope`. */
export async function isCaseInScope(
  client: Tx,
  scope: readonly ScopeClause[],
  caseId: number,
): Promise<boolean> {
  const inScope = await client.$queryRaw<unknown[]>`
      SELECT 1 FROM "Case" c WHERE c."id" = ${caseId} AND ${scopeSql(scope, "c")}`;
  return inScope.length > 0;
}

export type ScopedListRow = { number: string; state: unknown; shortDescription: string; caseNumber: string };

/** POR-5: the open cases (New, Open, Awaiting Info) in `scope`, newest update first, and their count. */
export function pageOpenCasesInScope(scope: readonly ScopeClause[], page: { limit: number; offset: number }) {
  const inScope = scopeSql(scope, "c");
  const from = Prisma.sql`FROM "Case" c WHERE ${inScope} AND c."state" IN (${Prisma.join(OPEN_CASE_STATES)})`;
  return pageAndCount<ScopedListRow>(
    Prisma.sql`c."number", c."state", c."shortDescription", c."number" AS "caseNumber"`,
    from,
    Prisma.sql`c."updatedAt" DESC, c."id" DESC`,
    page,
  );
}

export type PortalListRow = {
  number: string;
  shortDescription: string;
  state: unknown;
  priority: unknown;
  updatedAt: Date | string;
};

function filterSql({ q, state }: Pick<PortalListQuery, "q" | "state">): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (state !== null) parts.push(Prisma.sql`AND c."state" = ${state}`);
  if (q) parts.push(Prisma.sql`AND ${numberOrTextSearch("c", "case", q)}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/**
 * POR-1: one page of the portal's case list — the cases in `scope`, newest update first, searched
 * by number (CS…: a prefix) or short description and filtered by state — and their count, which
 * stops at `countCap` + 1 (PERF-7). Two statements, each with the scope in its WHERE.
 */
export async function pagePortalCases(
  scope: readonly ScopeClause[],
  filter: Pick<PortalListQuery, "q" | "state">,
  page: { limit: number; offset: number; countCap: number },
): Promise<{ rows: PortalListRow[]; counted: number }> {
  const where = Prisma.sql`WHERE ${scopeSql(scope, "c")} ${filterSql(filter)}`;
  const [rows, [{ n }]] = await Promise.all([
    db().$queryRaw<PortalListRow[]>`
      SELECT c."number", c."shortDescription", c."state", c."priority", c."updatedAt"
      FROM "Case" c ${where}
      ORDER BY c."updatedAt" DESC, c."id" DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
    db().$queryRaw<{ n: unknown }[]>`
      SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "Case" c ${where} LIMIT ${page.countCap + 1}) capped`,
  ]);
  return { rows, counted: num(n) };
}

export type PortalCaseRow = {
  id: unknown;
  number: string;
  state: unknown;
  priority: unknown;
  shortDescription: string;
  description: string;
  resolutionNotes: string | null;
  /** The asset the case is about, by name (the customer chose it on New case). */
  assetName: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  accountId: unknown;
  contactId: unknown;
  consumerId: unknown;
  /** A child of a major case creates no records (MAJ-3): no work order request either. */
  parentId: unknown;
  version: unknown;
  majorCaseState: string;
};

/**
 * POR-1: the portal case page's customer-safe fields of the case `number`, or undefined when it
 * is missing or outside `scope` alike (POR-4): one statement with the scope.
 */
export async function findPortalCase(
  scope: readonly ScopeClause[],
  number: string,
): Promise<PortalCaseRow | undefined> {
  const [row] = await db().$queryRaw<PortalCaseRow[]>`
    SELECT c."id", c."number", c."state", c."priority", c."shortDescription", c."description",
      c."resolutionNotes", c."createdAt", c."updatedAt", c."accountId", c."contactId", c."consumerId",
      c."parentId", c."version", c."majorCaseState",
      (SELECT a."name" FROM "Asset" a WHERE a."id" = c."assetId") AS "assetName"
    FROM "Case" c WHERE c."number" = ${number} AND ${scopeSql(scope, "c")}`;
  return row;
}
