-- NOT-5: a timer that stopped counting (Awaiting Info, or a priority without its kind) keeps its
-- breach on record, and a case Awaiting Info keeps it for the lists (lib/server/tables/case.ts
-- SLA_DUE). Timers paused past their target that the job never recorded (due in its minute, then
-- paused) are breached as of now (their assignees are not emailed: their due time is long past);
-- paused timers whose target was raised above their counted time while paused are no longer
-- breached. Then their cases' SLA times.
UPDATE "CaseSla" SET "breachedAt" = (now() AT TIME ZONE 'UTC'),
  "warnedAt" = COALESCE("warnedAt", (now() AT TIME ZONE 'UTC'))
WHERE "stoppedAt" IS NULL AND "runningSince" IS NULL AND "breachedAt" IS NULL
  AND "elapsedMs" >= "targetMs";
UPDATE "CaseSla" SET "breachedAt" = NULL, "warnedAt" = NULL
WHERE "stoppedAt" IS NULL AND "runningSince" IS NULL AND "elapsedMs" < "targetMs"
  AND ("breachedAt" IS NOT NULL OR "warnedAt" IS NOT NULL);
UPDATE "Case" SET ("slaDueAt", "slaWarnAt") = (
  SELECT MIN(COALESCE(s."dueAt", CASE WHEN s."stoppedAt" IS NULL AND s."suspendedAt" IS NULL THEN s."breachedAt" END)),
    MIN(COALESCE(s."warnAt", CASE WHEN s."stoppedAt" IS NULL AND s."suspendedAt" IS NULL THEN s."breachedAt" END))
  FROM "CaseSla" s WHERE s."caseId" = "Case"."id")
WHERE "id" IN (SELECT "caseId" FROM "CaseSla" WHERE "stoppedAt" IS NULL AND "runningSince" IS NULL);
