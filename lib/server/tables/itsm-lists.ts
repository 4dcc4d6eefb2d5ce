import "server-only";
// The list pages of the ITSM tables "Problem", "ChangeRequest" and "Request": one statement pair over the table chosen.
import { Prisma } from "@/lib/db";
import type { TABLE } from "@/lib/domain/records/tables";
import { RECORD_TABLE } from "./record-tables";
import type { NumberedRecord } from "@/lib/domain/records/numbering";
import { numberOrDescription, pageAndCount, tableSql, whereAll } from "@/lib/server/tables/sql";

/** The ITSM tables by their record table name (ItsmSpec.table). */
export type ItsmTable = typeof TABLE.problem | typeof TABLE.change | typeof TABLE.request;

/** Each table's numbers (REC-1), for the search. */
const NUMBERED = {
  problem: "problem",
  change_request: "change",
  sc_request: "request",
} as const satisfies Record<ItsmTable, NumberedRecord>;

export type ItsmListRow = {
  id: number;
  number: string;
  shortDescription: string;
  state: number | string;
  updatedAt: Date;
};

/**
 * One page of the problem, change or request list (`itsmTable`), newest activity first, searched by number or
 * short description (`q`), and how many records match.
 */
export function pageItsmRecords(
  itsmTable: ItsmTable,
  q: string | undefined,
  page: { limit: number; offset: number },
): Promise<{ rows: ItsmListRow[]; total: number }> {
  const table = tableSql(RECORD_TABLE[itsmTable]);
  const parts = q ? [numberOrDescription("r", NUMBERED[itsmTable], q)] : [];
  return pageAndCount<ItsmListRow>(
    Prisma.sql`r."id", r."number", r."shortDescription", r."state", r."updatedAt"`,
    Prisma.sql`FROM ${table} r ${whereAll(parts)}`,
    Prisma.sql`r."updatedAt" DESC, r."id" DESC`,
    page,
  );
}
