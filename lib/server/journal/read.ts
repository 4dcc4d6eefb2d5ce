import "server-only";
import { db } from "@/lib/db";
import type { JournalView } from "@/lib/domain/journal/entry";
import type { Keyset } from "@/lib/domain/journal/live";

/** The newest entries a record page shows, and the size of each "Show older" page. */
export const JOURNAL_PAGE = 200;

export const JOURNAL_SELECT = {
  id: true,
  kind: true,
  body: true,
  authorId: true,
  authorName: true,
  createdAt: true,
  sourceTable: true,
  sourceNumber: true,
  ruleName: true,
  eventKey: true,
} as const;

const recordWhere = (table: string, recordId: number, includeWorkNotes: boolean) => ({
  table,
  recordId,
  ...(includeWorkNotes ? {} : { kind: "comments" }),
});

/**
 * The timeline of one record, newest first (JRN-2). Callers decide `includeWorkNotes`:
 * external users never get work notes (JRN-3). Bounded: the newest `limit` entries.
 */
export async function listJournal(
  table: string,
  recordId: number,
  opts: { includeWorkNotes: boolean; limit?: number },
) {
  const where = recordWhere(table, recordId, opts.includeWorkNotes);
  const limit = opts.limit ?? JOURNAL_PAGE;
  const entries = await db().journalEntry.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: JOURNAL_SELECT,
  });
  // Counting is only needed when the page is full.
  const total = entries.length < limit ? entries.length : await db().journalEntry.count({ where });
  return { entries: entries as JournalView[], total };
}

/**
 * "Show older": the `limit` entries just before `before` in timeline order, by keyset —
 * (createdAt, id) < (before.createdAt, before.id) — never OFFSET, so a page costs the same deep in
 * a long timeline and entries written meanwhile neither shift nor repeat a page. Written as one
 * range on the (table, recordId, createdAt) index (`createdAt <= t`) with the tie on `t` broken by
 * id, which both databases plan as a single index range scan.
 */
export async function listOlderJournal(
  table: string,
  recordId: number,
  before: Keyset,
  opts: { includeWorkNotes: boolean; limit?: number },
) {
  const limit = opts.limit ?? JOURNAL_PAGE;
  const rows = await db().journalEntry.findMany({
    where: {
      ...recordWhere(table, recordId, opts.includeWorkNotes),
      createdAt: { lte: before.createdAt },
      NOT: { createdAt: before.createdAt, id: { gte: before.id } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: JOURNAL_SELECT,
  });
  return { entries: rows.slice(0, limit) as JournalView[], more: rows.length > limit };
}
