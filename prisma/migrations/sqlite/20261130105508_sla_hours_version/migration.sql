-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CaseSla" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "clock" TEXT NOT NULL,
    "targetMs" REAL NOT NULL,
    "elapsedMs" REAL NOT NULL DEFAULT 0,
    "runningSince" DATETIME,
    "dueAt" DATETIME,
    "warnAt" DATETIME,
    "stoppedAt" DATETIME,
    "suspendedAt" DATETIME,
    "warnedAt" DATETIME,
    "breachedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hoursVersion" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CaseSla_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CaseSla" ("breachedAt", "caseId", "clock", "createdAt", "dueAt", "elapsedMs", "id", "kind", "runningSince", "stoppedAt", "suspendedAt", "targetMs", "warnAt", "warnedAt") SELECT "breachedAt", "caseId", "clock", "createdAt", "dueAt", "elapsedMs", "id", "kind", "runningSince", "stoppedAt", "suspendedAt", "targetMs", "warnAt", "warnedAt" FROM "CaseSla";
DROP TABLE "CaseSla";
ALTER TABLE "new_CaseSla" RENAME TO "CaseSla";
CREATE INDEX "CaseSla_dueAt_idx" ON "CaseSla"("dueAt");
CREATE INDEX "CaseSla_warnAt_idx" ON "CaseSla"("warnAt");
CREATE INDEX "CaseSla_hoursVersion_idx" ON "CaseSla"("hoursVersion");
CREATE UNIQUE INDEX "CaseSla_caseId_kind_key" ON "CaseSla"("caseId", "kind");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;



-- NOT-5: the timers there are were counted in the business hours saved now (each save recounted the
-- running ones); a timer counted in older hours from here on is recounted by the SLA job.
UPDATE "CaseSla" SET "hoursVersion" = COALESCE((SELECT "version" FROM "SlaHours" WHERE "id" = 1), 0);
