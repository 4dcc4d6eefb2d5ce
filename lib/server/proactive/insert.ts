import "server-only";
import { dialect, Prisma, type Tx } from "@/lib/db";
import type { MapValue } from "@/lib/domain/field-maps/rules";
import { TABLE } from "@/lib/domain/records/tables";

/** One new proactive case: its reserved number and the affected account it is for. */
export type NewCaseRow = { number: string; accountId: number };

/**
 * The rows as a table, from ONE bound JSON parameter: 5,000 rows are one statement with one
 * parameter, never 5,000 round trips nor a parameter list over the databases' limits (PERF-3).
 */
function rowsTable(rows: readonly NewCaseRow[]): Prisma.Sql {
  const json = JSON.stringify(rows.map((r) => [r.accountId, r.number]));
  return dialect() === "postgresql"
    ? Prisma.sql`SELECT (j.value->>0)::int AS "accountId", j.value->>1 AS "number"
        FROM jsonb_array_elements(${json}::jsonb) j`
    : Prisma.sql`SELECT json_extract(j.value, '$[0]') AS "accountId", json_extract(j.value, '$[1]') AS "number"
        FROM json_each(${json}) j`;
}

/** SQLite binds no booleans: 1/0 there, true/false on PostgreSQL. */
const bound = (v: MapValue) => (typeof v === "boolean" && dialect() !== "postgresql" ? (v ? 1 : 0) : v);

/**
 * INSERT … SELECT of the proactive cases of `rows`, every one with the same mapped `data` (by
 * Prisma column; columns come from the field map catalog, never from input), its own account
 * and number, the account's primary contact as contact (PRO-2; only while active and of that
 * account), and `parentId` when they are children of a major case.
 */
export async function insertCases(
  tx: Tx,
  rows: readonly NewCaseRow[],
  data: Record<string, MapValue>,
  extra: { parentId: number | null; openedById: number; now: Date },
) {
  const { accountId: _a, contactId: _c, parentId: _p, ...shared } = data;
  const columns = Object.keys(shared);
  const names = Prisma.join(columns.map((c) => Prisma.raw(`"${c}"`)));
  const values = Prisma.join(columns.map((c) => Prisma.sql`${bound(shared[c])}`));
  return tx.$executeRaw`
    INSERT INTO "Case" ("number", "accountId", "contactId", "parentId", "openedById", "createdAt", "updatedAt",
      ${names})
    SELECT t."number", t."accountId", u."id", ${extra.parentId}, ${extra.openedById}, ${extra.now},
      ${extra.now}, ${values}
    FROM (${rowsTable(rows)}) t JOIN "Account" a ON a."id" = t."accountId"
    LEFT JOIN "User" u ON u."id" = a."primaryContactId" AND u."accountId" = a."id" AND u."active" = ${true}`;
}

/** The origin rows (incident, account) → case: the unique key that makes re-runs safe (PRO-1). */
export function insertOrigins(tx: Tx, incidentId: number, rows: readonly NewCaseRow[], now: Date) {
  return tx.$executeRaw`
    INSERT INTO "ProactiveCase" ("incidentId", "accountId", "caseId", "createdAt")
    SELECT ${incidentId}, c."accountId", c."id", ${now}
    FROM "Case" c WHERE c."number" IN (SELECT t."number" FROM (${rowsTable(rows)}) t)`;
}

/** One work note on each new case, batched: one statement. */
export function insertCaseNotes(
  tx: Tx,
  rows: readonly NewCaseRow[],
  body: string,
  author: { id: number; name: string },
  now: Date,
) {
  return tx.$executeRaw`
    INSERT INTO "JournalEntry" ("table", "recordId", "kind", "body", "authorId", "authorName", "createdAt")
    SELECT ${TABLE.case}, c."id", 'work_notes', ${body}, ${author.id}, ${author.name}, ${now}
    FROM "Case" c WHERE c."number" IN (SELECT t."number" FROM (${rowsTable(rows)}) t)`;
}

/** REC-5: one audit row per new case ("created as a proactive case of INC…"), batched. */
export function insertCaseAudit(
  tx: Tx,
  rows: readonly NewCaseRow[],
  text: string,
  author: { id: number; name: string },
  now: Date,
) {
  return tx.$executeRaw`
    INSERT INTO "AuditEntry" ("table", "recordId", "field", "oldValue", "newValue", "userId", "userName", "createdAt")
    SELECT ${TABLE.case}, c."id", 'proactive', NULL, ${text}, ${author.id}, ${author.name}, ${now}
    FROM "Case" c WHERE c."number" IN (SELECT t."number" FROM (${rowsTable(rows)}) t)`;
}
