-- AlterTable
ALTER TABLE "Problem" ADD COLUMN "resolutionNotes" TEXT;

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "lockedBy" TEXT,
    "lockedUntil" DATETIME,
    "lastRunAt" DATETIME,
    "lastResult" TEXT
);

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

