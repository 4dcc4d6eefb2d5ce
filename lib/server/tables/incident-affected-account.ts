import "server-only";
// "IncidentAffectedAccount": the accounts an incident affects (PRO-1).
import type { Tx } from "@/lib/db";

/** PRO-1: adds an affected account; answers how many rows it added (0 when it was listed already). */
export async function insertAffected(tx: Tx, incidentId: number, accountId: number): Promise<number> {
  return tx.$executeRaw`
      INSERT INTO "IncidentAffectedAccount" ("incidentId", "accountId") VALUES (${incidentId}, ${accountId})
      ON CONFLICT DO NOTHING`;
}

/** PRO-1: the incident's affected accounts without a proactive case (the unique origin key), in id order. */
export async function accountsWithoutProactiveCase(tx: Tx, incidentId: number): Promise<number[]> {
  const rows = await tx.$queryRaw<{ accountId: number | bigint }[]>`
    SELECT a."accountId" FROM "IncidentAffectedAccount" a
    JOIN "Account" acc ON acc."id" = a."accountId" AND acc."active" = ${true}
    LEFT JOIN "ProactiveCase" p ON p."incidentId" = a."incidentId" AND p."accountId" = a."accountId"
    WHERE a."incidentId" = ${incidentId} AND p."accountId" IS NULL
    ORDER BY a."accountId"`;
  return rows.map((r) => Number(r.accountId));
}
