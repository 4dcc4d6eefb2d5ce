-- Hand-written (WRK-5): the global search's text index, SQLite side. One contentless FTS5 table per
-- kind of record, its rowid the record's id, holding the number (a contact's email) and the short
-- description (a name); kept current by triggers, so every writer — services, the Table API, sync,
-- the directory import's bulk INSERT … SELECT — updates it in its own transaction. The PostgreSQL
-- twin indexes the same text with GIN expression indexes. Not expressible in schema.prisma, so
-- `npm run db:migration` never generates or drops these.
--
-- A later migration that rebuilds one of these tables (Prisma's CREATE "new_T" … DROP "T" … RENAME
-- for a column SQLite cannot ALTER) drops its triggers with it: that migration must create them
-- again (copy them from here). lib/server/search/search.test.ts fails until it does.
--
-- unicode61 with remove_diacritics 2: words are runs of letters and digits, case and accents folded.
-- prefix='2 3': as-you-type prefix terms of two and three letters read a prefix index instead of
-- merging every word that starts with them.

-- "Case"
CREATE VIRTUAL TABLE "CaseSearch" USING fts5(
  "code", "text", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
INSERT INTO "CaseSearch" (rowid, "code", "text") SELECT "id", "number", "shortDescription" FROM "Case";
CREATE TRIGGER "CaseSearch_insert" AFTER INSERT ON "Case" BEGIN
  INSERT INTO "CaseSearch" (rowid, "code", "text") VALUES (NEW."id", NEW."number", NEW."shortDescription");
END;
CREATE TRIGGER "CaseSearch_update" AFTER UPDATE OF "number", "shortDescription" ON "Case"
WHEN OLD."number" IS NOT NEW."number" OR OLD."shortDescription" IS NOT NEW."shortDescription" BEGIN
  DELETE FROM "CaseSearch" WHERE rowid = OLD."id";
  INSERT INTO "CaseSearch" (rowid, "code", "text") VALUES (NEW."id", NEW."number", NEW."shortDescription");
END;
CREATE TRIGGER "CaseSearch_delete" AFTER DELETE ON "Case" BEGIN
  DELETE FROM "CaseSearch" WHERE rowid = OLD."id";
END;

-- "Incident"
CREATE VIRTUAL TABLE "IncidentSearch" USING fts5(
  "code", "text", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
INSERT INTO "IncidentSearch" (rowid, "code", "text") SELECT "id", "number", "shortDescription" FROM "Incident";
CREATE TRIGGER "IncidentSearch_insert" AFTER INSERT ON "Incident" BEGIN
  INSERT INTO "IncidentSearch" (rowid, "code", "text") VALUES (NEW."id", NEW."number", NEW."shortDescription");
END;
CREATE TRIGGER "IncidentSearch_update" AFTER UPDATE OF "number", "shortDescription" ON "Incident"
WHEN OLD."number" IS NOT NEW."number" OR OLD."shortDescription" IS NOT NEW."shortDescription" BEGIN
  DELETE FROM "IncidentSearch" WHERE rowid = OLD."id";
  INSERT INTO "IncidentSearch" (rowid, "code", "text") VALUES (NEW."id", NEW."number", NEW."shortDescription");
END;
CREATE TRIGGER "IncidentSearch_delete" AFTER DELETE ON "Incident" BEGIN
  DELETE FROM "IncidentSearch" WHERE rowid = OLD."id";
END;

-- "Problem"
CREATE VIRTUAL TABLE "ProblemSearch" USING fts5(
  "code", "text", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
INSERT INTO "ProblemSearch" (rowid, "code", "text") SELECT "id", "number", "shortDescription" FROM "Problem";
CREATE TRIGGER "ProblemSearch_insert" AFTER INSERT ON "Problem" BEGIN
  INSERT INTO "ProblemSearch" (rowid, "code", "text") VALUES (NEW."id", NEW."number", NEW."shortDescription");
END;
CREATE TRIGGER "ProblemSearch_update" AFTER UPDATE OF "number", "shortDescription" ON "Problem"
WHEN OLD."number" IS NOT NEW."number" OR OLD."shortDescription" IS NOT NEW."shortDescription" BEGIN
  DELETE FROM "ProblemSearch" WHERE rowid = OLD."id";
  INSERT INTO "ProblemSearch" (rowid, "code", "text") VALUES (NEW."id", NEW."number", NEW."shortDescription");
END;
CREATE TRIGGER "ProblemSearch_delete" AFTER DELETE ON "Problem" BEGIN
  DELETE FROM "ProblemSearch" WHERE rowid = OLD."id";
END;

-- "ChangeRequest"
CREATE VIRTUAL TABLE "ChangeRequestSearch" USING fts5(
  "code", "text", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
INSERT INTO "ChangeRequestSearch" (rowid, "code", "text") SELECT "id", "number", "shortDescription" FROM "ChangeRequest";
CREATE TRIGGER "ChangeRequestSearch_insert" AFTER INSERT ON "ChangeRequest" BEGIN
  INSERT INTO "ChangeRequestSearch" (rowid, "code", "text") VALUES (NEW."id", NEW."number", NEW."shortDescription");
END;
CREATE TRIGGER "ChangeRequestSearch_update" AFTER UPDATE OF "number", "shortDescription" ON "ChangeRequest"
WHEN OLD."number" IS NOT NEW."number" OR OLD."shortDescription" IS NOT NEW."shortDescription" BEGIN
  DELETE FROM "ChangeRequestSearch" WHERE rowid = OLD."id";
  INSERT INTO "ChangeRequestSearch" (rowid, "code", "text") VALUES (NEW."id", NEW."number", NEW."shortDescription");
END;
CREATE TRIGGER "ChangeRequestSearch_delete" AFTER DELETE ON "ChangeRequest" BEGIN
  DELETE FROM "ChangeRequestSearch" WHERE rowid = OLD."id";
END;

-- "Request"
CREATE VIRTUAL TABLE "RequestSearch" USING fts5(
  "code", "text", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
INSERT INTO "RequestSearch" (rowid, "code", "text") SELECT "id", "number", "shortDescription" FROM "Request";
CREATE TRIGGER "RequestSearch_insert" AFTER INSERT ON "Request" BEGIN
  INSERT INTO "RequestSearch" (rowid, "code", "text") VALUES (NEW."id", NEW."number", NEW."shortDescription");
END;
CREATE TRIGGER "RequestSearch_update" AFTER UPDATE OF "number", "shortDescription" ON "Request"
WHEN OLD."number" IS NOT NEW."number" OR OLD."shortDescription" IS NOT NEW."shortDescription" BEGIN
  DELETE FROM "RequestSearch" WHERE rowid = OLD."id";
  INSERT INTO "RequestSearch" (rowid, "code", "text") VALUES (NEW."id", NEW."number", NEW."shortDescription");
END;
CREATE TRIGGER "RequestSearch_delete" AFTER DELETE ON "Request" BEGIN
  DELETE FROM "RequestSearch" WHERE rowid = OLD."id";
END;

-- "WorkOrder"
CREATE VIRTUAL TABLE "WorkOrderSearch" USING fts5(
  "code", "text", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
INSERT INTO "WorkOrderSearch" (rowid, "code", "text") SELECT "id", "number", "shortDescription" FROM "WorkOrder";
CREATE TRIGGER "WorkOrderSearch_insert" AFTER INSERT ON "WorkOrder" BEGIN
  INSERT INTO "WorkOrderSearch" (rowid, "code", "text") VALUES (NEW."id", NEW."number", NEW."shortDescription");
END;
CREATE TRIGGER "WorkOrderSearch_update" AFTER UPDATE OF "number", "shortDescription" ON "WorkOrder"
WHEN OLD."number" IS NOT NEW."number" OR OLD."shortDescription" IS NOT NEW."shortDescription" BEGIN
  DELETE FROM "WorkOrderSearch" WHERE rowid = OLD."id";
  INSERT INTO "WorkOrderSearch" (rowid, "code", "text") VALUES (NEW."id", NEW."number", NEW."shortDescription");
END;
CREATE TRIGGER "WorkOrderSearch_delete" AFTER DELETE ON "WorkOrder" BEGIN
  DELETE FROM "WorkOrderSearch" WHERE rowid = OLD."id";
END;

-- "Account"
CREATE VIRTUAL TABLE "AccountSearch" USING fts5(
  "code", "text", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
INSERT INTO "AccountSearch" (rowid, "code", "text") SELECT "id", "number", "name" FROM "Account";
CREATE TRIGGER "AccountSearch_insert" AFTER INSERT ON "Account" BEGIN
  INSERT INTO "AccountSearch" (rowid, "code", "text") VALUES (NEW."id", NEW."number", NEW."name");
END;
CREATE TRIGGER "AccountSearch_update" AFTER UPDATE OF "number", "name" ON "Account"
WHEN OLD."number" IS NOT NEW."number" OR OLD."name" IS NOT NEW."name" BEGIN
  DELETE FROM "AccountSearch" WHERE rowid = OLD."id";
  INSERT INTO "AccountSearch" (rowid, "code", "text") VALUES (NEW."id", NEW."number", NEW."name");
END;
CREATE TRIGGER "AccountSearch_delete" AFTER DELETE ON "Account" BEGIN
  DELETE FROM "AccountSearch" WHERE rowid = OLD."id";
END;

-- contacts (users of kind contact)
CREATE VIRTUAL TABLE "ContactSearch" USING fts5(
  "code", "text", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
INSERT INTO "ContactSearch" (rowid, "code", "text") SELECT "id", "email", "name" FROM "User" WHERE "kind" = 'contact';
CREATE TRIGGER "ContactSearch_insert" AFTER INSERT ON "User" WHEN NEW."kind" = 'contact' BEGIN
  INSERT INTO "ContactSearch" (rowid, "code", "text") VALUES (NEW."id", NEW."email", NEW."name");
END;
CREATE TRIGGER "ContactSearch_update" AFTER UPDATE OF "email", "name", "kind" ON "User"
WHEN OLD."email" IS NOT NEW."email" OR OLD."name" IS NOT NEW."name" OR OLD."kind" IS NOT NEW."kind" BEGIN
  DELETE FROM "ContactSearch" WHERE rowid = OLD."id";
  INSERT INTO "ContactSearch" (rowid, "code", "text") SELECT NEW."id", NEW."email", NEW."name" WHERE NEW."kind" = 'contact';
END;
CREATE TRIGGER "ContactSearch_delete" AFTER DELETE ON "User" WHEN OLD."kind" = 'contact' BEGIN
  DELETE FROM "ContactSearch" WHERE rowid = OLD."id";
END;
