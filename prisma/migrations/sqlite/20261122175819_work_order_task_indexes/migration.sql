-- CreateIndex
CREATE INDEX "WorkOrderTask_assignedToId_idx" ON "WorkOrderTask"("assignedToId");

-- CreateIndex
CREATE INDEX "WorkOrderTask_accountId_idx" ON "WorkOrderTask"("accountId");

-- CreateIndex
CREATE INDEX "WorkOrderTask_contactId_idx" ON "WorkOrderTask"("contactId");

-- CreateIndex
CREATE INDEX "WorkOrderTask_consumerId_idx" ON "WorkOrderTask"("consumerId");

