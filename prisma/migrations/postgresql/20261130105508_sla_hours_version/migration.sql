-- AlterTable
ALTER TABLE "CaseSla" ADD COLUMN     "hoursVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "CaseSla_hoursVersion_idx" ON "CaseSla"("hoursVersion");



-- NOT-5: the timers there are were counted in the business hours saved now (each save recounted the
-- running ones); a timer counted in older hours from here on is recounted by the SLA job.
UPDATE "CaseSla" SET "hoursVersion" = COALESCE((SELECT "version" FROM "SlaHours" WHERE "id" = 1), 0);
