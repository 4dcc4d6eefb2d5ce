-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "requestKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Incident_requestKey_key" ON "Incident"("requestKey");

