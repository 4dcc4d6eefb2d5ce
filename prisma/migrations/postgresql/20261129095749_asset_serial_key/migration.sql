-- AlterTable
ALTER TABLE "Asset" ADD COLUMN     "serialKey" TEXT;

-- SET-2: the match key of existing serials (the start refines it as lib/domain/directory/names.ts
-- makes it: SQLite's UPPER folds ASCII letters only). Where an account already has one serial twice,
-- the older asset keeps the key and the start names the others, to be corrected.
UPDATE "Asset" SET "serialKey" = UPPER(TRIM("serialNumber"))
WHERE "serialNumber" IS NOT NULL AND TRIM("serialNumber") <> ''
  AND "id" = (
    SELECT MIN(o."id") FROM "Asset" o
    WHERE o."accountId" = "Asset"."accountId"
      AND UPPER(TRIM(o."serialNumber")) = UPPER(TRIM("Asset"."serialNumber"))
  );

-- CreateIndex
CREATE UNIQUE INDEX "Asset_accountId_serialKey_key" ON "Asset"("accountId", "serialKey");

