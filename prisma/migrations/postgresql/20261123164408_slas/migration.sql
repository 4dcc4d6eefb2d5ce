-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "slaDueAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SlaTarget" (
    "priority" INTEGER NOT NULL,
    "responseMinutes" INTEGER,
    "resolutionMinutes" INTEGER,
    "clock" TEXT NOT NULL DEFAULT '24x7',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlaTarget_pkey" PRIMARY KEY ("priority")
);

-- CreateTable
CREATE TABLE "SlaHours" (
    "id" INTEGER NOT NULL,
    "days" TEXT NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlaHours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseSla" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "clock" TEXT NOT NULL,
    "targetMs" DOUBLE PRECISION NOT NULL,
    "elapsedMs" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "runningSince" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "stoppedAt" TIMESTAMP(3),
    "warnedAt" TIMESTAMP(3),
    "breachedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseSla_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseSla_dueAt_idx" ON "CaseSla"("dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseSla_caseId_kind_key" ON "CaseSla"("caseId", "kind");

-- CreateIndex
CREATE INDEX "Case_slaDueAt_idx" ON "Case"("slaDueAt");

-- AddForeignKey
ALTER TABLE "CaseSla" ADD CONSTRAINT "CaseSla_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

