-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "requestKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Request_requestKey_key" ON "Request"("requestKey");

