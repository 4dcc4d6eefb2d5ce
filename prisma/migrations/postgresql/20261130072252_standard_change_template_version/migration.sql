-- AlterTable
ALTER TABLE "StandardChangeTemplate" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

