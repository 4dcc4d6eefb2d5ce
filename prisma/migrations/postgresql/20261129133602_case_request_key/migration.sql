-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "requestKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Case_requestKey_key" ON "Case"("requestKey");

