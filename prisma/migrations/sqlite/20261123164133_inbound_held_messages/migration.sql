-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN "handledAt" DATETIME;
ALTER TABLE "InboundMessage" ADD COLUMN "handledById" INTEGER;
ALTER TABLE "InboundMessage" ADD COLUMN "text" TEXT;

