import "server-only";
// "ProactiveCase": which case was raised for which (incident, affected account) — PRO-1.
import type { Tx } from "@/lib/db";
import { numberedRows, type NumberedCase } from "./case-selection";

/** The origin rows (incident, account) → case of new cases: the unique key that makes re-runs safe (PRO-1). */
export function insertOrigins(tx: Tx, incidentId: number, rows: readonly NumberedCase[], now: Date) {
  return tx.$executeRaw`
    INSERT INTO "ProactiveCase" ("incidentId", "accountId", "caseId", "createdAt")
    SELECT ${incidentId}, c."accountId", c."id", ${now}
    FROM "Case" c WHERE c."number" IN (SELECT t."number" FROM (${numberedRows(rows)}) t)`;
}
