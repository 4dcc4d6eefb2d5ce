-- Hand-written (WRK-5): the global search's text index, PostgreSQL side. A GIN index on the
-- tsvector of each kind's number (a contact's email) and short description (a name): PostgreSQL
-- keeps an expression index current in every writing transaction, whoever writes, and builds it
-- from the rows already there. lib/server/search/sql.ts queries the very same expressions (the
-- planner matches them) and its test checks the plan names these indexes. The SQLite twin keeps
-- FTS5 tables by triggers. Not expressible in schema.prisma, so `npm run db:migration` never
-- generates or drops these.
--
-- 'simple': no stemming or stop words (numbers, names and product words match as typed, as
-- prefixes); punctuation becomes spaces first, so "john.doe@acme.example" and "CS0001001-fix" are
-- words the way SQLite's unicode61 tokenizer cuts them, not one email or hyphenated token.
CREATE INDEX "Case_search_idx" ON "Case" USING gin (
  to_tsvector('simple', regexp_replace("number" || ' ' || "shortDescription", '[[:punct:]]+', ' ', 'g'))
);
CREATE INDEX "Incident_search_idx" ON "Incident" USING gin (
  to_tsvector('simple', regexp_replace("number" || ' ' || "shortDescription", '[[:punct:]]+', ' ', 'g'))
);
CREATE INDEX "Problem_search_idx" ON "Problem" USING gin (
  to_tsvector('simple', regexp_replace("number" || ' ' || "shortDescription", '[[:punct:]]+', ' ', 'g'))
);
CREATE INDEX "ChangeRequest_search_idx" ON "ChangeRequest" USING gin (
  to_tsvector('simple', regexp_replace("number" || ' ' || "shortDescription", '[[:punct:]]+', ' ', 'g'))
);
CREATE INDEX "Request_search_idx" ON "Request" USING gin (
  to_tsvector('simple', regexp_replace("number" || ' ' || "shortDescription", '[[:punct:]]+', ' ', 'g'))
);
CREATE INDEX "WorkOrder_search_idx" ON "WorkOrder" USING gin (
  to_tsvector('simple', regexp_replace("number" || ' ' || "shortDescription", '[[:punct:]]+', ' ', 'g'))
);
CREATE INDEX "Account_search_idx" ON "Account" USING gin (
  to_tsvector('simple', regexp_replace("number" || ' ' || "name", '[[:punct:]]+', ' ', 'g'))
);
CREATE INDEX "User_contact_search_idx" ON "User" USING gin (
  to_tsvector('simple', regexp_replace("email" || ' ' || "name", '[[:punct:]]+', ' ', 'g'))
) WHERE "kind" = 'contact';
