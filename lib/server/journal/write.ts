import "server-only";
import type { Tx } from "@/lib/db";
import { invalid } from "@/lib/domain/errors";
import { JOURNAL_MAX_LENGTH } from "@/lib/domain/journal/entry";
import { refuseControlCharacters } from "@/lib/domain/validation";
import { insertJournalEntry, type JournalKind, type JournalWrite } from "../tables/journal-entry";

export { JOURNAL_MAX_LENGTH };
export type { JournalKind, JournalWrite };

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
export function appendJournal(tx: Tx, e: JournalWrite): Promise<number | null> {
  return insertJournalEntry(tx, e, new Date());
}
