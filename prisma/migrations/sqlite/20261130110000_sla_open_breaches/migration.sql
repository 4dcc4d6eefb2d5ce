-- NOT-5: as the PostgreSQL migration of the same name — paused timers past their target keep a
-- breach on record, those whose target was raised above their counted time lose it, and their cases'
-- SLA times include an open breach. Dates are stored as the adapter writes them (ISO 8601, +00:00).
UPDATE "CaseSla" SET "breachedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'),
  "warnedAt" = COALESCE("warnedAt", strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'))
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
