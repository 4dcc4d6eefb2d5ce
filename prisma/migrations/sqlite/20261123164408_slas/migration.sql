-- AlterTable
ALTER TABLE "Case" ADD COLUMN "slaDueAt" DATETIME;

-- CreateTable
CREATE TABLE "SlaTarget" (
    "priority" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "responseMinutes" INTEGER,
    "resolutionMinutes" INTEGER,
    "clock" TEXT NOT NULL DEFAULT '24x7',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SlaHours" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "days" TEXT NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CaseSla" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "clock" TEXT NOT NULL,
    "targetMs" REAL NOT NULL,
    "elapsedMs" REAL NOT NULL DEFAULT 0,
    "runningSince" DATETIME,
    "dueAt" DATETIME,
    "stoppedAt" DATETIME,
    "warnedAt" DATETIME,
    "breachedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseSla_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CaseSla_dueAt_idx" ON "CaseSla"("dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseSla_caseId_kind_key" ON "CaseSla"("caseId", "kind");

-- CreateIndex
CREATE INDEX "Case_slaDueAt_idx" ON "Case"("slaDueAt");

