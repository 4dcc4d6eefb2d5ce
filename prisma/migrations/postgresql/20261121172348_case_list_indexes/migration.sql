-- DropIndex
DROP INDEX "Case_priority_idx";

-- DropIndex
DROP INDEX "Case_accountId_idx";

-- CreateIndex
CREATE INDEX "Case_priority_updatedAt_idx" ON "Case"("priority", "updatedAt");

-- CreateIndex
CREATE INDEX "Case_accountId_updatedAt_idx" ON "Case"("accountId", "updatedAt");

-- CreateIndex
CREATE INDEX "Case_assignedToId_updatedAt_idx" ON "Case"("assignedToId", "updatedAt");

