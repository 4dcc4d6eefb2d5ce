-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WorkOrder" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "caseId" INTEGER,
    "state" TEXT NOT NULL DEFAULT 'Draft',
    "priority" INTEGER NOT NULL DEFAULT 4,
    "shortDescription" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "accountId" INTEGER,
    "consumerId" INTEGER,
    "contactId" INTEGER,
    "assetId" INTEGER,
    "partnerId" INTEGER,
    "partnerContactId" INTEGER,
    "companyId" INTEGER,
    "callerId" INTEGER,
    "openedById" INTEGER,
    "requestKey" TEXT,
    "closedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WorkOrder_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkOrder_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkOrder_consumerId_fkey" FOREIGN KEY ("consumerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkOrder_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkOrder_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkOrder_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkOrder_partnerContactId_fkey" FOREIGN KEY ("partnerContactId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkOrder_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkOrder_callerId_fkey" FOREIGN KEY ("callerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkOrder_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_WorkOrder" ("accountId", "assetId", "callerId", "caseId", "companyId", "consumerId", "contactId", "createdAt", "description", "id", "number", "partnerContactId", "partnerId", "priority", "shortDescription", "state", "updatedAt", "version") SELECT "accountId", "assetId", "callerId", "caseId", "companyId", "consumerId", "contactId", "createdAt", "description", "id", "number", "partnerContactId", "partnerId", "priority", "shortDescription", "state", "updatedAt", "version" FROM "WorkOrder";
DROP TABLE "WorkOrder";
ALTER TABLE "new_WorkOrder" RENAME TO "WorkOrder";
CREATE UNIQUE INDEX "WorkOrder_number_key" ON "WorkOrder"("number");
CREATE UNIQUE INDEX "WorkOrder_requestKey_key" ON "WorkOrder"("requestKey");
CREATE INDEX "WorkOrder_caseId_idx" ON "WorkOrder"("caseId");
CREATE INDEX "WorkOrder_accountId_idx" ON "WorkOrder"("accountId");
CREATE INDEX "WorkOrder_contactId_idx" ON "WorkOrder"("contactId");
CREATE INDEX "WorkOrder_partnerContactId_idx" ON "WorkOrder"("partnerContactId");
CREATE INDEX "WorkOrder_updatedAt_idx" ON "WorkOrder"("updatedAt");
CREATE INDEX "WorkOrder_state_updatedAt_idx" ON "WorkOrder"("state", "updatedAt");
CREATE TABLE "new_WorkOrderTask" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "workOrderId" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'Draft',
    "shortDescription" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "priority" INTEGER NOT NULL DEFAULT 4,
    "accountId" INTEGER,
    "contactId" INTEGER,
    "consumerId" INTEGER,
    "windowStart" DATETIME,
    "windowEnd" DATETIME,
    "assignedToId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WorkOrderTask_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WorkOrderTask_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkOrderTask_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkOrderTask_consumerId_fkey" FOREIGN KEY ("consumerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkOrderTask_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_WorkOrderTask" ("assignedToId", "createdAt", "id", "number", "shortDescription", "state", "updatedAt", "version", "windowEnd", "windowStart", "workOrderId") SELECT "assignedToId", "createdAt", "id", "number", "shortDescription", "state", "updatedAt", "version", "windowEnd", "windowStart", "workOrderId" FROM "WorkOrderTask";
DROP TABLE "WorkOrderTask";
ALTER TABLE "new_WorkOrderTask" RENAME TO "WorkOrderTask";
CREATE UNIQUE INDEX "WorkOrderTask_number_key" ON "WorkOrderTask"("number");
CREATE INDEX "WorkOrderTask_workOrderId_idx" ON "WorkOrderTask"("workOrderId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

