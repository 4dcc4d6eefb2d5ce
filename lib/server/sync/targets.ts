import "server-only";
import { Prisma } from "@/lib/db";
import type { SourceRecord } from "@/lib/domain/sync/events";

/**
 * SQL selecting the ids of the cases a record's updates reach (SYNC-4): one row per case even
 * when a case links the record twice (Change Request and Caused by Change, SYNC-3).
 */
export function linkedCaseIds(source: SourceRecord): Prisma.Sql {
  switch (source.table) {
    case "incident":
      return Prisma.sql`SELECT c."id" FROM "Case" c WHERE c."incidentId" = ${source.id}`;
    case "problem":
      return Prisma.sql`SELECT c."id" FROM "Case" c WHERE c."problemId" = ${source.id}`;
    case "change_request":
      return Prisma.sql`SELECT c."id" FROM "Case" c WHERE c."changeId" = ${source.id} OR c."causedById" = ${source.id}`;
    case "sc_request":
      return Prisma.sql`SELECT r."caseId" AS "id" FROM "Request" r WHERE r."id" = ${source.id} AND r."caseId" IS NOT NULL`;
    default:
      throw new Error(`no case link for table ${source.table}`);
  }
}
