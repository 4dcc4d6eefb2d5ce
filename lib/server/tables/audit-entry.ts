import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import { TABLE } from "@/lib/domain/records/tables";
import type { CaseSelection } from "./case-selection";
import { insertJsonRows, type JsonColumn } from "./sql";

// "AuditEntry": the batched audit rows (REC-5) and the Table API's created/updated-by read.

type Author = { id: number; name: string };

/** One audit row of `field` (no old value) on every case `cases` selects — one statement. */
export function insertAuditOnCases(
  tx: Tx,
  cases: CaseSelection,
  row: { field: string; newValue: string },
  author: Author,
  now: Date,
): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "AuditEntry" ("table", "recordId", "field", "oldValue", "newValue", "userId", "userName", "createdAt")
    SELECT ${TABLE.case}, k."id", ${row.field}, NULL, ${row.newValue}, ${author.id}, ${author.name}, ${now}
    FROM "Case" k WHERE ${cases.where}`;
}

/**
 * One audit row of case column `field` becoming `value` on every selected case where it differs
 * (its old value read from the row) — before the cases are updated. `field` is a Case column
 * named by code, never input.
 */
export function insertChangeAuditOnCases(
  tx: Tx,
  cases: CaseSelection,
  field: string,
  value: string | null,
  author: Author,
  now: Date,
): Promise<number> {
  const col = Prisma.raw(`k."${field}"`);
  const differs =
    value === null
      ? Prisma.sql`${col} IS NOT NULL`
      : Prisma.sql`(${col} IS NULL OR CAST(${col} AS TEXT) <> ${value})`;
  return tx.$executeRaw`
    INSERT INTO "AuditEntry" ("table", "recordId", "field", "oldValue", "newValue", "userId", "userName", "createdAt")
    SELECT ${TABLE.case}, k."id", ${field}, CAST(${col} AS TEXT), ${value}, ${author.id}, ${author.name}, ${now}
    FROM "Case" k WHERE ${cases.where} AND ${differs}`;
}

const AUDIT_COLUMNS: JsonColumn[] = [
  { name: "recordId", type: "int" },
  { name: "field", type: "text" },
  { name: "oldValue", type: "text" },
  { name: "newValue", type: "text" },
];

export type AuditRow = [recordId: number, field: string, oldValue: string | null, newValue: string | null];

/** Many records' audit rows of one table — 60,000 rows in one statement (SET-3's import). */
export function insertAuditRows(tx: Tx, table: string, rows: readonly AuditRow[], author: Author, now: Date) {
  return insertJsonRows(tx, "AuditEntry", AUDIT_COLUMNS, rows, {
    table,
    userId: author.id,
    userName: author.name,
    createdAt: now,
  });
}

export type CreatedUpdatedBy = { recordId: unknown; first: string | null; last: string | null };

/**
 * API-1: the user_name (email) of the first and the latest audit row of each record, in one
 * statement for the page (null where nothing is audited).
 */
export function readCreatedUpdatedBy(
  auditTable: string,
  ids: readonly number[],
): Promise<CreatedUpdatedBy[]> {
  return db().$queryRaw<CreatedUpdatedBy[]>`
    SELECT x."recordId",
      (SELECT COALESCE(u."email", f."userName") FROM "AuditEntry" f LEFT JOIN "User" u ON u."id" = f."userId"
        WHERE f."id" = x."firstId") AS "first",
      (SELECT COALESCE(u."email", l."userName") FROM "AuditEntry" l LEFT JOIN "User" u ON u."id" = l."userId"
        WHERE l."id" = x."lastId") AS "last"
    FROM (SELECT a."recordId", MIN(a."id") AS "firstId", MAX(a."id") AS "lastId" FROM "AuditEntry" a
      WHERE a."table" = ${auditTable} AND a."recordId" IN (${Prisma.join(ids)}) GROUP BY a."recordId") x`;
}
