import "server-only";
import type { Tx } from "@/lib/db";
import { invalid } from "@/lib/domain/errors";
import { JOURNAL_MAX_LENGTH } from "@/lib/domain/journal/entry";
import { refuseControlCharacters } from "@/lib/domain/validation";

export { JOURNAL_MAX_LENGTH };
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

const JOURNAL_LABELS: Record<string, string> = { workNotes: "Work notes", comments: "Additional comments" };

export function checkJournalBody(body: string, field: string): string {
  const text = body.replace(/\r\n/g, "\n").trim();
  if (!text) throw invalid(field, "Write something before posting.");
  refuseControlCharacters(text, field, JOURNAL_LABELS[field] ?? field); // REL-1: PostgreSQL refuses U+0000
  if (text.length > JOURNAL_MAX_LENGTH)
    throw invalid(
      field,
      `Journal entries are limited to ${JOURNAL_MAX_LENGTH.toLocaleString("en")} characters.`,
    );
  return text;
}

/**
 * JRN-1: the only way entries are written — appended, never updated or deleted.
 * Returns the new entry id, or null when this event or key was already recorded.
 */
export async function appendJournal(tx: Tx, e: JournalWrite): Promise<number | null> {
  const rows = await tx.$queryRaw<{ id: number | bigint }[]>`
    INSERT INTO "JournalEntry" ("table", "recordId", "kind", "body", "authorId", "authorName", "createdAt",
      "sourceTable", "sourceId", "sourceNumber", "eventKey", "ruleName", "idempotencyKey")
    VALUES (${e.table}, ${e.recordId}, ${e.kind}, ${e.body}, ${e.author.id}, ${e.author.name}, ${new Date()},
      ${e.source?.table ?? null}, ${e.source?.id ?? null}, ${e.source?.number ?? null}, ${e.source?.eventKey ?? null},
      ${e.source?.ruleName ?? null}, ${e.idempotencyKey ?? null})
    ON CONFLICT DO NOTHING
    RETURNING "id"`;
  return rows.length ? Number(rows[0].id) : null;
}
