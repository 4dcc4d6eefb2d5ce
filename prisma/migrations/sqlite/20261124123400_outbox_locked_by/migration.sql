-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "lockedBy" TEXT;

