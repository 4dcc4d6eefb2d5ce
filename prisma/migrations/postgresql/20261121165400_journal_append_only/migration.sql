-- JRN-1: journal entries are append-only. The database itself refuses edits and deletions.
CREATE FUNCTION "journal_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'journal entries are append-only';
END;
$$;

CREATE TRIGGER "JournalEntry_no_update" BEFORE UPDATE OR DELETE ON "JournalEntry"
  FOR EACH ROW EXECUTE FUNCTION "journal_entry_append_only"();

CREATE TRIGGER "JournalEntry_no_truncate" BEFORE TRUNCATE ON "JournalEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "journal_entry_append_only"();
