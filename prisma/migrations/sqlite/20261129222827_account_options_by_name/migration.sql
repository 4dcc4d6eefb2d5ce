-- DropIndex
DROP INDEX "User_accountId_idx";

-- DropIndex
DROP INDEX "Asset_accountId_idx";

-- CreateIndex
CREATE INDEX "User_accountId_name_id_idx" ON "User"("accountId", "name", "id");

-- CreateIndex
CREATE INDEX "Asset_accountId_name_id_idx" ON "Asset"("accountId", "name", "id");

