-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "slaWarnAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "CaseSla" ADD COLUMN     "warnAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "CaseSla_warnAt_idx" ON "CaseSla"("warnAt");


-- NOT-5: running timers warn 30 minutes before their due time, as they did before this change; each
-- one's next step (pause, resume, re-target, new business hours) sets the warning in working time.
UPDATE "CaseSla" SET "warnAt" = "dueAt" - interval '30 minutes' WHERE "dueAt" IS NOT NULL;
UPDATE "Case" SET "slaWarnAt" = "slaDueAt" - interval '30 minutes' WHERE "slaDueAt" IS NOT NULL;
