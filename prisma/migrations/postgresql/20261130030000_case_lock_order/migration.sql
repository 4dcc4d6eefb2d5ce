-- SYNC-4 / MAJ-4 / WRK-3: the journal trigger locks a statement's cases in the order every path that
-- locks several cases takes them (lib/server/tables/case.ts caseLockOrder): major cases first, then by
-- id — a major case is changed before its children on every path (a work note copied, a state synced),
-- and a child is often older than its major case (the accepted candidate always is). By id alone, an
-- incident's comment reaching a major case and an older case deadlocked with Notify Customers or a
-- customer's reply taking them major first.
CREATE OR REPLACE FUNCTION "caseflow_journal_moves_case_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Case" k
  WHERE k."id" IN (SELECT "recordId" FROM new_entries WHERE "table" = 'sn_customerservice_case')
  ORDER BY (k."majorCaseState" = 'accepted') DESC, k."id" FOR UPDATE;
  UPDATE "Case" c SET "updatedAt" = n."at"
  FROM (
    SELECT "recordId", MAX("createdAt") AS "at" FROM new_entries
    WHERE "table" = 'sn_customerservice_case' GROUP BY "recordId"
  ) n
  WHERE c."id" = n."recordId" AND c."updatedAt" < n."at";
  RETURN NULL;
END
$$;
