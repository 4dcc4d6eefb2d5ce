import "server-only";
// Table "Request" (sc_request): the portal's reads of requests.
import { Prisma } from "@/lib/db";
import type { ScopeClause } from "@/lib/domain/scope/external";
import { scopeSql, type ScopedListRow } from "@/lib/server/tables/case-scope";
import { pageAndCount } from "@/lib/server/tables/sql";

/** POR-5: the requests related to the cases in `scope`, with their case, newest update first, and their count. */
export function pageRequestsInScope(scope: readonly ScopeClause[], page: { limit: number; offset: number }) {
  return pageAndCount<ScopedListRow>(
    Prisma.sql`r."number", r."state", r."shortDescription", c."number" AS "caseNumber"`,
    Prisma.sql`FROM "Request" r JOIN "Case" c ON c."id" = r."caseId" WHERE ${scopeSql(scope, "c")}`,
    Prisma.sql`r."updatedAt" DESC, r."id" DESC`,
    page,
  );
}
