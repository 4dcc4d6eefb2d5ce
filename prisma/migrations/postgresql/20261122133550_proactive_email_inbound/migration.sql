-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "replyToken" TEXT;

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "proactiveMajorCaseId" INTEGER;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "htmlBody" TEXT,
ADD COLUMN     "inReplyTo" TEXT,
ADD COLUMN     "messageId" TEXT,
ADD COLUMN     "replyTo" TEXT;

-- AlterTable
ALTER TABLE "FieldMap" ADD COLUMN     "constantValue" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ALTER COLUMN "sourceField" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ProactiveCase" (
    "incidentId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "caseId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProactiveCase_pkey" PRIMARY KEY ("incidentId","accountId")
);

-- CreateTable
CREATE TABLE "InboundMessage" (
    "id" SERIAL NOT NULL,
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
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundMessage_pkey" PRIMARY KEY ("id")
);

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
CREATE UNIQUE INDEX "Incident_proactiveMajorCaseId_key" ON "Incident"("proactiveMajorCaseId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_messageId_key" ON "OutboxMessage"("messageId");

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_proactiveMajorCaseId_fkey" FOREIGN KEY ("proactiveMajorCaseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProactiveCase" ADD CONSTRAINT "ProactiveCase_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProactiveCase" ADD CONSTRAINT "ProactiveCase_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProactiveCase" ADD CONSTRAINT "ProactiveCase_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

