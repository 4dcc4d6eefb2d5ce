-- CreateTable
CREATE TABLE "Group" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "managerId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Group_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupMember" (
    "groupId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    PRIMARY KEY ("groupId", "userId"),
    CONSTRAINT "GroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SavedView" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Hand-written: the new columns are added in place (ALTER TABLE … ADD COLUMN) rather than by
-- rebuilding Case and Incident as `prisma migrate diff` would (a copy of every case).
-- WRK-1: the assignment group of cases and incidents.
ALTER TABLE "Case" ADD COLUMN "assignmentGroupId" INTEGER REFERENCES "Group" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Incident" ADD COLUMN "assignmentGroupId" INTEGER REFERENCES "Group" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- WRK-3: the "Customer replied" mark.
ALTER TABLE "Case" ADD COLUMN "customerRepliedAt" DATETIME;
CREATE INDEX "Case_assignmentGroupId_updatedAt_idx" ON "Case"("assignmentGroupId", "updatedAt");
CREATE INDEX "Case_customerRepliedAt_idx" ON "Case"("customerRepliedAt");
CREATE INDEX "Incident_assignmentGroupId_idx" ON "Incident"("assignmentGroupId");
CREATE INDEX "Incident_assignedToId_idx" ON "Incident"("assignedToId");

-- CreateIndex
CREATE UNIQUE INDEX "Group_nameKey_key" ON "Group"("nameKey");

-- CreateIndex
CREATE INDEX "GroupMember_userId_idx" ON "GroupMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_userId_name_key" ON "SavedView"("userId", "name");

-- WRK-3: every journal entry on a case moves the case's Updated time, in the statement that writes
-- the entry, whatever path wrote it (forms, portal, email, sync fan-out, Table API). Never backwards.
CREATE TRIGGER "JournalEntry_moves_case_updated" AFTER INSERT ON "JournalEntry"
WHEN NEW."table" = 'sn_customerservice_case'
BEGIN
  UPDATE "Case" SET "updatedAt" = NEW."createdAt"
  WHERE "id" = NEW."recordId" AND "updatedAt" < NEW."createdAt";
END;
