-- AlterTable
ALTER TABLE "Case" ADD COLUMN "slaWarnAt" DATETIME;

-- AlterTable
ALTER TABLE "CaseSla" ADD COLUMN "warnAt" DATETIME;

-- CreateIndex
CREATE INDEX "CaseSla_warnAt_idx" ON "CaseSla"("warnAt");


-- NOT-5: running timers warn 30 minutes before their due time, as they did before this change; each
-- one's next step (pause, resume, re-target, new business hours) sets the warning in working time.
-- Dates are stored as the adapter writes them (ISO 8601 with +00:00).
UPDATE "CaseSla" SET "warnAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', "dueAt", '-30 minutes')
WHERE "dueAt" IS NOT NULL;
UPDATE "Case" SET "slaWarnAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', "slaDueAt", '-30 minutes')
WHERE "slaDueAt" IS NOT NULL;
