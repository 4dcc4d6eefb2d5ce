-- AlterTable
ALTER TABLE "WorkOrderTask" ADD COLUMN     "requestKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrderTask_requestKey_key" ON "WorkOrderTask"("requestKey");

