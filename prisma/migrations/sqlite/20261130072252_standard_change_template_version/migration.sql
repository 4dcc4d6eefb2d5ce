-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StandardChangeTemplate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "shortDescription" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "impact" INTEGER NOT NULL DEFAULT 3,
    "urgency" INTEGER NOT NULL DEFAULT 3,
    "priority" INTEGER NOT NULL DEFAULT 4,
    "approved" BOOLEAN NOT NULL DEFAULT true,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_StandardChangeTemplate" ("active", "approved", "createdAt", "description", "id", "impact", "name", "priority", "shortDescription", "urgency") SELECT "active", "approved", "createdAt", "description", "id", "impact", "name", "priority", "shortDescription", "urgency" FROM "StandardChangeTemplate";
DROP TABLE "StandardChangeTemplate";
ALTER TABLE "new_StandardChangeTemplate" RENAME TO "StandardChangeTemplate";
CREATE UNIQUE INDEX "StandardChangeTemplate_name_key" ON "StandardChangeTemplate"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

