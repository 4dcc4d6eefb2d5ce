import "server-only";
// Table "WorkOrder": the work order lists and the portal's work order page.
import { db, Prisma } from "@/lib/db";
import type { ScopeClause } from "@/lib/domain/scope/external";
import { scopeSql } from "@/lib/server/tables/case-scope";
import { numberOrDescription, numberOrTextSearch, pageAndCount, whereAll } from "@/lib/server/tables/sql";

type Page = { limit: number; offset: number };
/** Newest activity first. */
const NEWEST = Prisma.sql`w."updatedAt" DESC, w."id" DESC`;

export type WorkOrderListRow = {
  id: unknown;
  number: string;
  state: string;
  priority: unknown;
  shortDescription: string;
  caseNumber: string | null;
  accountName: string | null;
  updatedAt: unknown;
};

/** `/work-orders`'s filter: text in number or short description; state one of a list, one, or any. */
export type WorkOrderFilter = { q?: string; state: { in: readonly string[] } | { is: string } | null };

/** FSM-3: one page of `/work-orders`, newest activity first, and how many work orders match. */
export function pageWorkOrders(
  filter: WorkOrderFilter,
  page: Page,
): Promise<{ rows: WorkOrderListRow[]; total: number }> {
  const parts: Prisma.Sql[] = [];
  if (filter.q) parts.push(numberOrDescription("w", "workOrder", filter.q));
  if (filter.state && "in" in filter.state)
    parts.push(Prisma.sql`w."state" IN (${Prisma.join(filter.state.in)})`);
  else if (filter.state) parts.push(Prisma.sql`w."state" = ${filter.state.is}`);
  return pageAndCount<WorkOrderListRow>(
    Prisma.sql`w."id", w."number", w."state", w."priority", w."shortDescription", w."updatedAt",
      (SELECT c."number" FROM "Case" c WHERE c."id" = w."caseId") AS "caseNumber",
      (SELECT a."name" FROM "Account" a WHERE a."id" = w."accountId") AS "accountName"`,
    Prisma.sql`FROM "WorkOrder" w ${whereAll(parts)}`,
    NEWEST,
    page,
  );
}

// A work order is in scope exactly when its case is (POR-3, FSM-5): the inner join drops work
// orders without a case, which no external user sees.
const scopedFrom = (scope: readonly ScopeClause[]) =>
  Prisma.sql`FROM "WorkOrder" w JOIN "Case" c ON c."id" = w."caseId" WHERE ${scopeSql(scope, "c")}`;

/** The portal's Work Orders search: a state (checked by the caller) and text (WO…: a number prefix). */
export type ExternalWorkOrderFilter = { q?: string; state?: string };

function searchSql({ q, state }: ExternalWorkOrderFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (state) parts.push(Prisma.sql`AND w."state" = ${state}`);
  const text = q?.trim();
  if (text) parts.push(Prisma.sql`AND ${numberOrTextSearch("w", "workOrder", text)}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

export type ExternalWorkOrderRow = {
  number: string;
  priority: unknown;
  state: string;
  shortDescription: string;
  caseNumber: string;
  updatedAt: Date | string;
};

/**
 * POR-3: one page of the work orders of the cases in `scope` (ROLE-3), newest update first, and
 * how many match. Two statements, each with the scope in its WHERE.
 */
export function pageExternalWorkOrders(
  scope: readonly ScopeClause[],
  filter: ExternalWorkOrderFilter,
  page: Page,
): Promise<{ rows: ExternalWorkOrderRow[]; total: number }> {
  return pageAndCount<ExternalWorkOrderRow>(
    Prisma.sql`w."number", w."priority", w."state", w."shortDescription", w."updatedAt", c."number" AS "caseNumber"`,
    Prisma.sql`${scopedFrom(scope)} ${searchSql(filter)}`,
    NEWEST,
    page,
  );
}

export type ExternalWorkOrderDetail = {
  id: unknown;
  number: string;
  state: string;
  priority: unknown;
  shortDescription: string;
  description: string;
  caseNumber: string;
  accountName: string | null;
};

/**
 * POR-3 / FSM-5: the customer-safe fields of the work order `number`, or undefined when it is
 * missing or outside `scope` alike (POR-4).
 */
export async function findExternalWorkOrder(
  scope: readonly ScopeClause[],
  number: string,
): Promise<ExternalWorkOrderDetail | undefined> {
  const from = scopedFrom(scope);
  const [row] = await db().$queryRaw<ExternalWorkOrderDetail[]>`
    SELECT w."id", w."number", w."state", w."priority", w."shortDescription", w."description",
      c."number" AS "caseNumber",
      -- ROLE-3: the account is named only while it is the case's (the reader's scope); a fulfiller
      -- may move the order to another account, whose name is not theirs to read.
      (SELECT a."name" FROM "Account" a WHERE a."id" = w."accountId" AND a."id" = c."accountId") AS "accountName"
    ${from} AND w."number" = ${number}`;
  return row;
}
