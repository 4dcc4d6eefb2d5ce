-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "assignmentGroupId" INTEGER,
ADD COLUMN     "customerRepliedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "assignmentGroupId" INTEGER;

-- CreateTable
CREATE TABLE "Group" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "managerId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMember" (
    "groupId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "GroupMember_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "SavedView" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Group_nameKey_key" ON "Group"("nameKey");

-- CreateIndex
CREATE INDEX "GroupMember_userId_idx" ON "GroupMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_userId_name_key" ON "SavedView"("userId", "name");

-- CreateIndex
CREATE INDEX "Case_assignmentGroupId_updatedAt_idx" ON "Case"("assignmentGroupId", "updatedAt");

-- CreateIndex
CREATE INDEX "Case_customerRepliedAt_idx" ON "Case"("customerRepliedAt");

-- CreateIndex
CREATE INDEX "Incident_assignmentGroupId_idx" ON "Incident"("assignmentGroupId");

-- CreateIndex
CREATE INDEX "Incident_assignedToId_idx" ON "Incident"("assignedToId");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_assignmentGroupId_fkey" FOREIGN KEY ("assignmentGroupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_assignmentGroupId_fkey" FOREIGN KEY ("assignmentGroupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMember" ADD CONSTRAINT "GroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMember" ADD CONSTRAINT "GroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- WRK-3: every journal entry on a case moves the case's Updated time, in the statement that writes
-- the entry, whatever path wrote it (forms, portal, email, sync fan-out, Table API). Never backwards.
-- One statement-level trigger: a fan-out of 10,000 entries is one UPDATE … FROM, not 10,000.
CREATE FUNCTION "caseflow_journal_moves_case_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The cases are locked in id order first: two fan-outs reaching overlapping cases queue
  -- instead of deadlocking.
  PERFORM 1 FROM "Case" k
  WHERE k."id" IN (SELECT "recordId" FROM new_entries WHERE "table" = 'sn_customerservice_case')
  ORDER BY k."id" FOR UPDATE;
  UPDATE "Case" c SET "updatedAt" = n."at"
  FROM (
    SELECT "recordId", MAX("createdAt") AS "at" FROM new_entries
    WHERE "table" = 'sn_customerservice_case' GROUP BY "recordId"
  ) n
  WHERE c."id" = n."recordId" AND c."updatedAt" < n."at";
  RETURN NULL;
END
$$;

CREATE TRIGGER "JournalEntry_moves_case_updated" AFTER INSERT ON "JournalEntry"
REFERENCING NEW TABLE AS new_entries
FOR EACH STATEMENT EXECUTE FUNCTION "caseflow_journal_moves_case_updated"();
