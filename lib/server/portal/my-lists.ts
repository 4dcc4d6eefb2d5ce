import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { caseStates, labelOf, OPEN_CASE_STATES, requestStates } from "@/lib/domain/records/choices";
import { activePlugins } from "../plugins/read";
import { externalCaseFilter } from "../scope/cases";
import { num } from "../sql";
import { listPage } from "@/lib/domain/validation";

export const MY_LIST_PAGE_SIZE = 25;

export type MyListRow = { number: string; state: string; shortDescription: string; caseNumber: string };
export type MyList = { rows: MyListRow[]; total: number; page: number; pageSize: number };

type Raw = { number: string; state: unknown; shortDescription: string; caseNumber: string };

/** One page of `select` over `from` (whose WHERE holds the scope), newest update first, and the count. */
async function paged(select: Prisma.Sql, from: Prisma.Sql, order: Prisma.Sql, page: number) {
  const size = MY_LIST_PAGE_SIZE;
  const [rows, [{ n }]] = await Promise.all([
    db().$queryRaw<
      Raw[]
    >`SELECT ${select} ${from} ORDER BY ${order} LIMIT ${size} OFFSET ${(page - 1) * size}`,
    db().$queryRaw<{ n: unknown }[]>`SELECT COUNT(*) AS "n" ${from}`,
  ]);
  return { rows, total: num(n), page, pageSize: size };
}

/** POR-5: the open cases (New, Open, Awaiting Info) the user may see (ROLE-3), newest update first. */
export async function listMyOpenCases(actor: Actor | null | undefined, page?: number): Promise<MyList> {
  const scope = externalCaseFilter(actor, "c");
  const from = Prisma.sql`FROM "Case" c WHERE ${scope} AND c."state" IN (${Prisma.join(OPEN_CASE_STATES)})`;
  const list = await paged(
    Prisma.sql`c."number", c."state", c."shortDescription", c."number" AS "caseNumber"`,
    from,
    Prisma.sql`c."updatedAt" DESC, c."id" DESC`,
    listPage(page),
  );
  return { ...list, rows: list.rows.map((r) => ({ ...r, state: labelOf(caseStates, num(r.state)) })) };
}

/**
 * POR-5: the requests related to the cases the user may see, with their case, newest update first;
 * none while Request Management is off (its records disappear with the plugin).
 */
export async function listMyRequests(actor: Actor | null | undefined, page?: number): Promise<MyList | null> {
  const scope = externalCaseFilter(actor, "c");
  if (!(await activePlugins()).has(PLUGIN.requestManagement)) return null;
  const list = await paged(
    Prisma.sql`r."number", r."state", r."shortDescription", c."number" AS "caseNumber"`,
    Prisma.sql`FROM "Request" r JOIN "Case" c ON c."id" = r."caseId" WHERE ${scope}`,
    Prisma.sql`r."updatedAt" DESC, r."id" DESC`,
    listPage(page),
  );
  return { ...list, rows: list.rows.map((r) => ({ ...r, state: labelOf(requestStates, String(r.state)) })) };
}
