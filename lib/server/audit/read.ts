import "server-only";
import { db } from "@/lib/db";

export const AUDIT_PAGE = 300;

/** REC-5: the audit history of one record, newest first, bounded. */
export async function listAudit(table: string, recordId: number, limit = AUDIT_PAGE) {
  return db().auditEntry.findMany({
    where: { table, recordId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, field: true, oldValue: true, newValue: true, userName: true, createdAt: true },
  });
}
