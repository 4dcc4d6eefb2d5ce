import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { invalid, notFound } from "@/lib/domain/errors";
import { isChoice, workOrderStates } from "@/lib/domain/records/choices";
import { externalCaseFilter } from "../scope/cases";
import { containsAny, likeSql, num } from "../sql";
import { assertFieldService } from "./guard";
import { listPage } from "@/lib/domain/validation";

export const EXTERNAL_WORK_ORDER_PAGE_SIZE = 50;

export type ExternalWorkOrderQuery = { q?: string; state?: string; page?: number };

type ListRow = {
  number: string;
  priority: unknown;
  state: string;
  shortDescription: string;
  caseNumber: string;
  updatedAt: Date | string;
};

// A work order is in scope exactly when its case is (POR-3, FSM-5): the inner join drops work
// orders without a case, which no external user sees.
const scopedFrom = (actor: Actor | null | undefined) =>
  Prisma.sql`FROM "WorkOrder" w JOIN "Case" c ON c."id" = w."caseId" WHERE ${externalCaseFilter(actor, "c")}`;

function searchSql({ q, state }: ExternalWorkOrderQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (state) {
    if (!isChoice(workOrderStates, state)) throw invalid("state", "State: pick one of the list.");
    parts.push(Prisma.sql`AND w."state" = ${state}`);
  }
  const text = q?.trim();
  if (text) {
    parts.push(
      /^WO\d+$/i.test(text)
        ? Prisma.sql`AND ${likeSql(Prisma.sql`w."number"`, "startsWith", text.toUpperCase())}`
        : Prisma.sql`AND ${containsAny([Prisma.sql`w."number"`, Prisma.sql`w."shortDescription"`], text)}`,
    );
  }
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/**
 * POR-3: the portal's Work Orders list — the work orders of the cases the user may see (ROLE-3),
 * newest update first, 50 a page, with a text search and a state filter. Two statements, each
 * with the scope in its WHERE.
 */
export async function listExternalWorkOrders(
  actor: Actor | null | undefined,
  query: ExternalWorkOrderQuery = {},
) {
  const from = scopedFrom(actor);
  await assertFieldService();
  const where = searchSql(query);
  const page = listPage(query.page);
  const size = EXTERNAL_WORK_ORDER_PAGE_SIZE;
  const [rows, [{ n }]] = await Promise.all([
    db().$queryRaw<ListRow[]>`
      SELECT w."number", w."priority", w."state", w."shortDescription", w."updatedAt", c."number" AS "caseNumber"
      ${from} ${where}
      ORDER BY w."updatedAt" DESC, w."id" DESC LIMIT ${size} OFFSET ${(page - 1) * size}`,
    db().$queryRaw<{ n: unknown }[]>`SELECT COUNT(*) AS "n" ${from} ${where}`,
  ]);
  return {
    rows: rows.map((r) => ({
      number: r.number,
      priority: num(r.priority),
      state: r.state,
      shortDescription: r.shortDescription,
      caseNumber: r.caseNumber,
      updatedAt: new Date(r.updatedAt),
    })),
    total: num(n),
    page,
    pageSize: size,
  };
}

type DetailRow = {
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
 * POR-3 / FSM-5: a work order's customer-safe details and its tasks with their appointment
 * windows; of the assignee only the name. A number outside the user's scope answers exactly as
 * one that does not exist (POR-4).
 */
export async function getExternalWorkOrder(actor: Actor | null | undefined, number: string) {
  const from = scopedFrom(actor);
  await assertFieldService();
  const [row] = await db().$queryRaw<DetailRow[]>`
    SELECT w."id", w."number", w."state", w."priority", w."shortDescription", w."description",
      c."number" AS "caseNumber",
      (SELECT a."name" FROM "Account" a WHERE a."id" = w."accountId") AS "accountName"
    ${from} AND w."number" = ${number}`;
  if (!row) throw notFound(`Work order ${number}`);
  const tasks = await db().workOrderTask.findMany({
    where: { workOrderId: num(row.id) },
    orderBy: { number: "asc" },
    select: {
      number: true,
      state: true,
      shortDescription: true,
      windowStart: true,
      windowEnd: true,
      assignedTo: { select: { name: true } },
    },
  });
  return {
    number: row.number,
    state: row.state,
    priority: num(row.priority),
    shortDescription: row.shortDescription,
    description: row.description,
    caseNumber: row.caseNumber,
    accountName: row.accountName,
    tasks: tasks.map(({ assignedTo, ...task }) => ({ ...task, assignedToName: assignedTo?.name ?? null })),
  };
}
