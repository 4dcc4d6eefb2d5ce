-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Account" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isPartner" BOOLEAN NOT NULL DEFAULT false,
    "isCustomer" BOOLEAN NOT NULL DEFAULT true,
    "primaryContactId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Account_primaryContactId_fkey" FOREIGN KEY ("primaryContactId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Account" ("createdAt", "id", "isCustomer", "isPartner", "name", "number", "updatedAt") SELECT "createdAt", "id", "isCustomer", "isPartner", "name", "number", "updatedAt" FROM "Account";
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
CREATE UNIQUE INDEX "Account_number_key" ON "Account"("number");
CREATE INDEX "Account_name_idx" ON "Account"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- PRO-2: existing accounts start with their first active contact as primary contact (hand-written).
UPDATE "Account" SET "primaryContactId" = (
  SELECT u."id" FROM "User" u
  WHERE u."accountId" = "Account"."id" AND u."kind" = 'contact' AND u."active" = true
  ORDER BY u."id" LIMIT 1
);
