import "server-only";
import { dialect, Prisma } from "@/lib/db";

/**
 * A set of cases as a condition on `k` ("Case" k), for the statements that write one row per
 * selected case in one statement (journal entries, audit rows — PERF-3) and lock them. Built only here,
 * from typed values, so that no service writes SQL.
 */
export type CaseSelection = { readonly where: Prisma.Sql };

export const casesWithIds = (ids: readonly number[]): CaseSelection => ({
  where: Prisma.sql`k."id" IN (${Prisma.join(ids)})`,
});

/** NOT-5: the cases with a running SLA timer counted in business hours (a new schedule moves them). */
export const casesWithRunningHoursTimers = (): CaseSelection => ({
  where: Prisma.sql`k."id" IN (SELECT s."caseId" FROM "CaseSla" s
    WHERE s."clock" = 'hours' AND s."stoppedAt" IS NULL AND s."runningSince" IS NOT NULL)`,
});

/** A major case's children in one of `states`. */
export const childrenIn = (parentId: number, states: readonly number[]): CaseSelection => ({
  where: Prisma.sql`k."parentId" = ${parentId} AND k."state" IN (${Prisma.join(states)})`,
});

/** Rows given as (accountId, number) pairs, e.g. new proactive cases by their reserved number. */
export type NumberedCase = { number: string; accountId: number };

/**
 * The rows as a table, from ONE bound JSON parameter: 5,000 rows are one statement with one
 * parameter, never 5,000 round trips nor a parameter list over the databases' limits (PERF-3).
 */
export function numberedRows(rows: readonly NumberedCase[]): Prisma.Sql {
  const json = JSON.stringify(rows.map((r) => [r.accountId, r.number]));
  return dialect() === "postgresql"
    ? Prisma.sql`SELECT (j.value->>0)::int AS "accountId", j.value->>1 AS "number"
        FROM jsonb_array_elements(${json}::jsonb) j`
    : Prisma.sql`SELECT json_extract(j.value, '$[0]') AS "accountId", json_extract(j.value, '$[1]') AS "number"
        FROM json_each(${json}) j`;
}

/** The cases numbered in `rows`. */
export const casesNumbered = (rows: readonly NumberedCase[]): CaseSelection => ({
  where: Prisma.sql`k."number" IN (SELECT t."number" FROM (${numberedRows(rows)}) t)`,
});

/**
 * The cases numbered `numbers` and the children of the accepted major cases among them: what Notify
 * Customers reaches (PRO-3), as one selection so they are locked in one statement, in one order.
 */
export const notifyReach = (numbers: readonly string[], accepted: string): CaseSelection => ({
  // A UNION of two indexed lookups (number; parentId), not an OR, which PostgreSQL read as a scan.
  where: Prisma.sql`k."id" IN (
    SELECT n."id" FROM "Case" n WHERE n."number" IN (${Prisma.join(numbers)})
    UNION SELECT c."id" FROM "Case" c WHERE c."parentId" IN (
      SELECT m."id" FROM "Case" m WHERE m."number" IN (${Prisma.join(numbers)}) AND m."majorCaseState" = ${accepted}))`,
});
