import "server-only";
import { Prisma } from "@/lib/db";
import { readSql } from "@/lib/db/read";
import { canReadCases, type Actor } from "@/lib/domain/auth/roles";
import { forbidden } from "@/lib/domain/errors";
import {
  countLabel,
  MY_WORK_COUNT_CAP,
  MY_WORK_QUERIES,
  MY_WORK_SECTIONS,
  type MyWorkSection,
} from "@/lib/domain/my-work/sections";
import { caseListSchema } from "@/lib/domain/cases/schemas";
import { hrefWith } from "@/lib/query-string";
import {
  CASE_ROW_COLUMNS,
  LIST_ROW_SOURCE,
  caseListWhere,
  caseRow,
  cappedCountSql,
  myGroupIds,
  orderSql,
  type CaseRawRow,
} from "../cases/list";
import { limitSql, num } from "@/lib/server/tables/sql";

/** WRK-2: rows shown per section; "View all" opens the same filter in the case list. */
const SECTION_ROWS = 10;

const KEYS: MyWorkSection[] = MY_WORK_SECTIONS.map((s) => s.key);

/**
 * Each section is a filter of the case list (lib/server/cases/list.ts), so a section and its
 * "View all" always agree. The actor's groups are read once and given to every filter as values.
 */
async function sectionFilters(actor: Actor) {
  if (!canReadCases(actor)) throw forbidden();
  const params = KEYS.map((k) => caseListSchema.parse(MY_WORK_QUERIES[k]));
  const groupIds = await myGroupIds(actor, { group: "mine" });
  return params.map((p) => ({ params: p, where: caseListWhere(actor, p, groupIds) }));
}

/** The three capped counts in one statement (PERF-9: the page and the poll are a few statements each). */
async function countAll(filters: { where: Prisma.Sql }[]): Promise<number[]> {
  const columns = filters.map(
    (f, i) => Prisma.sql`(${cappedCountSql(f.where, MY_WORK_COUNT_CAP)}) AS ${Prisma.raw(`"n${i}"`)}`,
  );
  const [row] = await readSql<Record<string, unknown>>(Prisma.sql`SELECT ${Prisma.join(columns)}`);
  return filters.map((_, i) => num(row[`n${i}`]));
}

/**
 * WRK-2: the three sections of My work — the actor's groups, then every section's first rows in
 * one statement (UNION ALL, each branch walking its own index in list order) and the counts in
 * another, whatever the data size.
 */
export async function myWork(actor: Actor) {
  const filters = await sectionFilters(actor);
  // Each branch picks its first rows by its own index; the names are looked up once, outside the
  // union (15 scalar subqueries took PostgreSQL 3.6 ms to plan, 5 take a third of that).
  const branches = filters.map(
    (f, i) => Prisma.sql`SELECT * FROM (SELECT ${Prisma.raw(String(i))} AS "section", ${LIST_ROW_SOURCE}
      FROM "Case" c ${f.where} ${orderSql(f.params.sort)} ${limitSql(SECTION_ROWS)}) ${Prisma.raw(`s${i}`)}`,
  );
  const [raw, counts] = await Promise.all([
    readSql<CaseRawRow & { section: unknown }>(Prisma.sql`
      SELECT c."section", ${CASE_ROW_COLUMNS} FROM (${Prisma.join(branches, " UNION ALL ")}) c`),
    countAll(filters),
  ]);
  const entries = KEYS.map((key, i) => {
    // UNION ALL keeps no order between or within its branches: each section is sorted again here,
    // in the list's default order (newest Updated first), which no section overrides.
    const rows = raw
      .filter((r) => num(r.section) === i)
      .map(caseRow)
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.id - a.id);
    const total = counts[i];
    return [
      key,
      {
        rows,
        total: Math.min(total, MY_WORK_COUNT_CAP),
        totalText: countLabel(total),
        href: hrefWith("/cases", MY_WORK_QUERIES[key]),
      },
    ] as const;
  });
  return Object.fromEntries(entries) as Record<MyWorkSection, (typeof entries)[number][1]>;
}

/** WRK-2: the navigation's counts, polled (app/api/my-work/route.ts): the groups, then one statement. */
export async function myWorkCounts(actor: Actor): Promise<Record<MyWorkSection, string>> {
  const counts = await countAll(await sectionFilters(actor));
  return Object.fromEntries(KEYS.map((k, i) => [k, countLabel(counts[i])])) as Record<MyWorkSection, string>;
}
