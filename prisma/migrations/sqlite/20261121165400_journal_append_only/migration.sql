-- JRN-1: journal entries are append-only. The database itself refuses edits and deletions.
CREATE TRIGGER "JournalEntry_no_update" BEFORE UPDATE ON "JournalEntry"
BEGIN
  SELECT RAISE(ABORT, 'journal entries are append-only');
END;

CREATE TRIGGER "JournalEntry_no_delete" BEFORE DELETE ON "JournalEntry"
BEGIN
  SELECT RAISE(ABORT, 'journal entries are append-only');
END;
