import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import type { JournalView } from "@/lib/domain/journal/entry";
import { TABLE } from "@/lib/domain/records/tables";
import type { CaseSelection } from "./case-selection";
import { RECORD_TABLE } from "./record-tables";
import { tableSql } from "./sql";

// "JournalEntry": the statements that write journal entries (appended, never updated or deleted —
// JRN-1) and the live timeline's window read. The unique (table, recordId, eventKey) and
// idempotencyKey indexes with ON CONFLICT DO NOTHING make a retry write nothing more (SYNC-3, REL-2).

export type JournalKind = "work_notes" | "comments";

export type JournalWrite = {
  table: string;
  recordId: number;
  kind: JournalKind;
  body: string;
  author: { id: number | null; name: string };
  /** Set when the entry was written by sync: the record and event that caused it (JRN-2). */
  source?: { table: string; id: number; number: string; eventKey: string; ruleName?: string | null };
  /** Set by forms and the API: a retry with the same key writes nothing (SYNC-3, REL-2). */
  idempotencyKey?: string | null;
};

/** One entry; its id, or null when this event or key was already recorded. */
export async function insertJournalEntry(tx: Tx, e: JournalWrite, now: Date): Promise<number | null> {
  const rows = await tx.$queryRaw<{ id: number | bigint }[]>`
    INSERT INTO "JournalEntry" ("table", "recordId", "kind", "body", "authorId", "authorName", "createdAt",
      "sourceTable", "sourceId", "sourceNumber", "eventKey", "ruleName", "idempotencyKey")
    VALUES (${e.table}, ${e.recordId}, ${e.kind}, ${e.body}, ${e.author.id}, ${e.author.name}, ${now},
      ${e.source?.table ?? null}, ${e.source?.id ?? null}, ${e.source?.number ?? null}, ${e.source?.eventKey ?? null},
      ${e.source?.ruleName ?? null}, ${e.idempotencyKey ?? null})
    ON CONFLICT DO NOTHING
    RETURNING "id"`;
  return rows.length ? Number(rows[0].id) : null;
}

/** An entry written on many cases at once: all but the case id alike. */
export type CaseNote = Omit<JournalWrite, "table" | "recordId">;

/**
 * One entry on every case `cases` selects — one statement, whatever their number (PERF-3):
 * proactive cases' first work note, a major case's notes and copies on its children (MAJ-5),
 * Notify Customers' comment (PRO-3). Returns how many were written.
 */
export function insertNotesOnCases(tx: Tx, cases: CaseSelection, e: CaseNote, now: Date): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "JournalEntry" ("table", "recordId", "kind", "body", "authorId", "authorName", "createdAt",
      "sourceTable", "sourceId", "sourceNumber", "eventKey", "ruleName", "idempotencyKey")
    SELECT ${TABLE.case}, k."id", ${e.kind}, ${e.body}, ${e.author.id}, ${e.author.name}, ${now},
      ${e.source?.table ?? null}, ${e.source?.id ?? null}, ${e.source?.number ?? null}, ${e.source?.eventKey ?? null},
      ${e.source?.ruleName ?? null}, ${e.idempotencyKey ?? null}
    FROM "Case" k WHERE ${cases.where}
    ON CONFLICT DO NOTHING`;
}

/**
 * A synced work note (author "System") on each case of `caseIds` — SQL selecting case ids, from
 * ./case-links.ts (SYNC-4, MAJ-4). Returns how many were written.
 */
export function insertSyncNotes(
  tx: Tx,
  caseIds: Prisma.Sql,
  source: { table: string; id: number; number: string },
  note: { body: string; eventKey: string; ruleName: string },
  now: Date,
): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "JournalEntry" ("table", "recordId", "kind", "body", "authorId", "authorName", "createdAt",
      "sourceTable", "sourceId", "sourceNumber", "eventKey", "ruleName")
    SELECT ${TABLE.case}, t."id", 'work_notes', ${note.body}, NULL, ${"System"}, ${now},
      ${source.table}, ${source.id}, ${source.number}, ${note.eventKey}, ${note.ruleName}
    FROM (${caseIds}) t
    WHERE true -- SQLite: without a WHERE, "ON CONFLICT" would parse as a join condition
    ON CONFLICT DO NOTHING`;
}

/** A row of the poll: the record's head (repeated) and one entry of the window, or none. */
export type JournalWindowRow = {
  recordId: unknown;
  version: unknown;
  updatedAt: unknown;
  auditUserId: unknown;
  auditUserName: string | null;
  auditAt: unknown;
} & { [K in keyof JournalView]: unknown };

/**
 * The live timeline's poll (lib/server/journal/live.ts says why a time window): the record by its
 * unique number, its newest audit row and its entries created after `since` (all when null),
 * newest first, at most `limit` — ONE statement, each part an index lookup. No rows: no record.
 */
export function readJournalWindow(
  table: keyof typeof RECORD_TABLE,
  number: string,
  since: Date | null,
  opts: { includeWorkNotes: boolean; limit: number },
): Promise<JournalWindowRow[]> {
  const window = since ? Prisma.sql`AND j."createdAt" > ${since}` : Prisma.empty;
  const kinds = opts.includeWorkNotes ? Prisma.empty : Prisma.sql`AND j."kind" = 'comments'`;
  const recordTable = tableSql(RECORD_TABLE[table]);
  return db().$queryRaw<JournalWindowRow[]>`
    WITH rec AS (SELECT "id", "version", "updatedAt" FROM ${recordTable} WHERE "number" = ${number}),
    last_audit AS (
      SELECT "userId", "userName", "createdAt" FROM "AuditEntry"
      WHERE "table" = ${table} AND "recordId" = (SELECT "id" FROM rec)
      ORDER BY "createdAt" DESC, "id" DESC LIMIT 1),
    win AS (
      SELECT j."id", j."kind", j."body", j."authorId", j."authorName", j."createdAt", j."sourceTable",
        j."sourceNumber", j."ruleName", j."eventKey"
      FROM "JournalEntry" j
      WHERE j."table" = ${table} AND j."recordId" = (SELECT "id" FROM rec) ${window} ${kinds}
      ORDER BY j."createdAt" DESC, j."id" DESC LIMIT ${opts.limit})
    SELECT rec."id" AS "recordId", rec."version", rec."updatedAt", a."userId" AS "auditUserId",
      a."userName" AS "auditUserName", a."createdAt" AS "auditAt", win.*
    FROM rec LEFT JOIN last_audit a ON 1 = 1 LEFT JOIN win ON 1 = 1
    ORDER BY win."createdAt" DESC, win."id" DESC`;
}
