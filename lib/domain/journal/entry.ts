// A journal entry as the timeline shows it (JRN-2): who, when, which kind, and for entries that
// sync wrote, the record and rule that caused it.
export type JournalView = {
  id: number;
  kind: string;
  body: string;
  authorId: number | null;
  authorName: string;
  createdAt: Date;
  sourceTable: string | null;
  sourceNumber: string | null;
  ruleName: string | null;
  eventKey: string | null;
};

/** JRN-1: the longest journal entry, in characters (the composer, the API and email in). */
export const JOURNAL_MAX_LENGTH = 10_000;
