-- AlterTable
ALTER TABLE "CaseSla" ADD COLUMN "suspendedAt" DATETIME;

