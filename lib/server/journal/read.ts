import "server-only";
import { db } from "@/lib/db";

export const JOURNAL_PAGE = 200;

export type JournalView = {
  id: number;
  kind: string;
  body: string;
  authorName: string;
  createdAt: Date;
  sourceTable: string | null;
  sourceNumber: string | null;
  ruleName: string | null;
  eventKey: string | null;
};

/**
 * The timeline of one record, newest first (JRN-2). Callers decide `includeWorkNotes`:
 * external users never get work notes (JRN-3). Bounded: the newest `limit` entries.
 */
export async function listJournal(table: string, recordId: number, opts: { includeWorkNotes: boolean; limit?: number }) {
  const where = { table, recordId, ...(opts.includeWorkNotes ? {} : { kind: "comments" }) };
  const limit = opts.limit ?? JOURNAL_PAGE;
  const entries = await db().journalEntry.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, body: true, authorName: true, createdAt: true, sourceTable: true, sourceNumber: true, ruleName: true, eventKey: true },
  });
  // Counting is only needed when the page is full.
  const total = entries.length < limit ? entries.length : await db().journalEntry.count({ where });
  return { entries: entries as JournalView[], total };
}
