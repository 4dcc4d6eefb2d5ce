-- AlterTable
ALTER TABLE "InboundFile" ADD COLUMN     "tooLarge" BOOLEAN NOT NULL DEFAULT false;

