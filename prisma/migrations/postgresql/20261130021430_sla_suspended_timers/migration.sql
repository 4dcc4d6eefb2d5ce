-- AlterTable
ALTER TABLE "CaseSla" ADD COLUMN     "suspendedAt" TIMESTAMP(3);

