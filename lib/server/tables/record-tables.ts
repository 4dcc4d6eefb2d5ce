import "server-only";
import { db, type Prisma } from "@/lib/db";
import { TABLE } from "@/lib/domain/records/tables";
import { tableSql } from "./sql";

/** The model (its SQL table: `tableSql`) of each record type with a number, a journal and a history. */
export const RECORD_TABLE = {
  [TABLE.case]: "Case",
  [TABLE.incident]: "Incident",
  [TABLE.problem]: "Problem",
  [TABLE.change]: "ChangeRequest",
  [TABLE.request]: "Request",
  [TABLE.workOrder]: "WorkOrder",
} as const satisfies Record<string, Prisma.ModelName>;

export type RecordTable = keyof typeof RECORD_TABLE;

export const isRecordTable = (table: string): table is RecordTable => Object.hasOwn(RECORD_TABLE, table);

/** A record's id by its unique number, or null. */
export async function readRecordId(table: RecordTable, number: string): Promise<number | null> {
  const [row] = await db().$queryRaw<{ id: unknown }[]>`
    SELECT "id" FROM ${tableSql(RECORD_TABLE[table])} WHERE "number" = ${number}`;
  return row ? Number(row.id) : null;
}
