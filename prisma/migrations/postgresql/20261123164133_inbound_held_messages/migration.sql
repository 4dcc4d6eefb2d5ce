-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "handledAt" TIMESTAMP(3),
ADD COLUMN     "handledById" INTEGER,
ADD COLUMN     "text" TEXT;

