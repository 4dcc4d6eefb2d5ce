-- AlterTable
ALTER TABLE "Case" ADD COLUMN "replyToken" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "htmlBody" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "inReplyTo" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "messageId" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "replyTo" TEXT;

-- CreateTable
CREATE TABLE "ProactiveCase" (
    "incidentId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "caseId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("incidentId", "accountId"),
    CONSTRAINT "ProactiveCase_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProactiveCase_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProactiveCase_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InboundMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dedupeKey" TEXT NOT NULL,
    "messageId" TEXT,
    "fromAddress" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "receivedVia" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "caseId" INTEGER,
    "journalEntryId" INTEGER,
    "deliveries" INTEGER NOT NULL DEFAULT 1,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Incident" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "shortDescription" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "state" INTEGER NOT NULL DEFAULT 1,
    "onHoldReason" INTEGER,
    "impact" INTEGER NOT NULL DEFAULT 3,
    "urgency" INTEGER NOT NULL DEFAULT 3,
    "priority" INTEGER NOT NULL DEFAULT 5,
    "callerId" INTEGER,
    "companyId" INTEGER,
    "assetId" INTEGER,
    "assignedToId" INTEGER,
    "openedById" INTEGER,
    "problemId" INTEGER,
    "changeId" INTEGER,
    "causedById" INTEGER,
    "resolutionCode" TEXT,
    "resolutionNotes" TEXT,
    "callerNotificationsSuppressed" BOOLEAN NOT NULL DEFAULT false,
    "proactiveMajorCaseId" INTEGER,
    "resolvedAt" DATETIME,
    "closedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Incident_callerId_fkey" FOREIGN KEY ("callerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Incident_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Incident_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Incident_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Incident_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Incident_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Incident_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "ChangeRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Incident_causedById_fkey" FOREIGN KEY ("causedById") REFERENCES "ChangeRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Incident_proactiveMajorCaseId_fkey" FOREIGN KEY ("proactiveMajorCaseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Incident" ("assetId", "assignedToId", "callerId", "callerNotificationsSuppressed", "causedById", "changeId", "closedAt", "companyId", "createdAt", "description", "id", "impact", "number", "onHoldReason", "openedById", "priority", "problemId", "resolutionCode", "resolutionNotes", "resolvedAt", "shortDescription", "state", "updatedAt", "urgency", "version") SELECT "assetId", "assignedToId", "callerId", "callerNotificationsSuppressed", "causedById", "changeId", "closedAt", "companyId", "createdAt", "description", "id", "impact", "number", "onHoldReason", "openedById", "priority", "problemId", "resolutionCode", "resolutionNotes", "resolvedAt", "shortDescription", "state", "updatedAt", "urgency", "version" FROM "Incident";
DROP TABLE "Incident";
ALTER TABLE "new_Incident" RENAME TO "Incident";
CREATE UNIQUE INDEX "Incident_number_key" ON "Incident"("number");
CREATE UNIQUE INDEX "Incident_proactiveMajorCaseId_key" ON "Incident"("proactiveMajorCaseId");
CREATE INDEX "Incident_state_updatedAt_idx" ON "Incident"("state", "updatedAt");
CREATE INDEX "Incident_callerId_idx" ON "Incident"("callerId");
CREATE INDEX "Incident_companyId_idx" ON "Incident"("companyId");
CREATE INDEX "Incident_updatedAt_idx" ON "Incident"("updatedAt");
CREATE TABLE "new_FieldMap" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "mapName" TEXT NOT NULL,
    "sourceField" TEXT,
    "constantValue" TEXT,
    "targetField" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "order" INTEGER NOT NULL DEFAULT 100,
    "version" INTEGER NOT NULL DEFAULT 1
);
INSERT INTO "new_FieldMap" ("active", "id", "mapName", "order", "sourceField", "targetField") SELECT "active", "id", "mapName", "order", "sourceField", "targetField" FROM "FieldMap";
DROP TABLE "FieldMap";
ALTER TABLE "new_FieldMap" RENAME TO "FieldMap";
CREATE UNIQUE INDEX "FieldMap_mapName_targetField_key" ON "FieldMap"("mapName", "targetField");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ProactiveCase_caseId_key" ON "ProactiveCase"("caseId");

-- CreateIndex
CREATE INDEX "ProactiveCase_accountId_idx" ON "ProactiveCase"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_dedupeKey_key" ON "InboundMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "InboundMessage_receivedAt_idx" ON "InboundMessage"("receivedAt");

-- CreateIndex
CREATE INDEX "InboundMessage_status_receivedAt_idx" ON "InboundMessage"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "InboundMessage_caseId_idx" ON "InboundMessage"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_replyToken_key" ON "Case"("replyToken");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_messageId_key" ON "OutboxMessage"("messageId");

