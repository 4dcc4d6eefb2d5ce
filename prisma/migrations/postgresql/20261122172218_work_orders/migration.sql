-- AlterTable
ALTER TABLE "WorkOrder" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "openedById" INTEGER,
ADD COLUMN     "requestKey" TEXT;

-- AlterTable
ALTER TABLE "WorkOrderTask" DROP COLUMN "caseInfo",
ADD COLUMN     "accountId" INTEGER,
ADD COLUMN     "consumerId" INTEGER,
ADD COLUMN     "contactId" INTEGER,
ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 4;

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_requestKey_key" ON "WorkOrder"("requestKey");

-- CreateIndex
CREATE INDEX "WorkOrder_updatedAt_idx" ON "WorkOrder"("updatedAt");

-- CreateIndex
CREATE INDEX "WorkOrder_state_updatedAt_idx" ON "WorkOrder"("state", "updatedAt");

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderTask" ADD CONSTRAINT "WorkOrderTask_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderTask" ADD CONSTRAINT "WorkOrderTask_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderTask" ADD CONSTRAINT "WorkOrderTask_consumerId_fkey" FOREIGN KEY ("consumerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

