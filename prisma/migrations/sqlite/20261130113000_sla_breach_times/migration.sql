-- NOT-5: after sla_open_breaches (which is never edited: databases check each applied migration).
-- Timers stopped past their target (resolved in the job's minute) and never recorded are breached as
-- of their stop, so that a reopen does not email "breached at" the reopen time. The cases' SLA times
-- take, per timer, the earlier of its open breach and its due time (lib/server/tables/case.ts
-- SLA_DUE): a running breached timer counts from its due time, not from the job's later mark.
UPDATE "CaseSla" SET "breachedAt" = "stoppedAt"
WHERE "stoppedAt" IS NOT NULL AND "breachedAt" IS NULL AND "elapsedMs" >= "targetMs";
UPDATE "Case" SET ("slaDueAt", "slaWarnAt") = (
  SELECT
    MIN(CASE WHEN s."stoppedAt" IS NULL AND s."suspendedAt" IS NULL AND s."breachedAt" IS NOT NULL
      AND (s."dueAt" IS NULL OR s."breachedAt" < s."dueAt") THEN s."breachedAt" ELSE s."dueAt" END),
    MIN(CASE WHEN s."stoppedAt" IS NULL AND s."suspendedAt" IS NULL AND s."breachedAt" IS NOT NULL
      AND (s."warnAt" IS NULL OR s."breachedAt" < s."warnAt") THEN s."breachedAt" ELSE s."warnAt" END)
  FROM "CaseSla" s WHERE s."caseId" = "Case"."id")
WHERE "id" IN (SELECT "caseId" FROM "CaseSla" WHERE "stoppedAt" IS NULL AND "breachedAt" IS NOT NULL);
