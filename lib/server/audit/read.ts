import "server-only";
import { db } from "@/lib/db";
import { AUDIT_SHOWN } from "@/lib/domain/paging";

export const AUDIT_PAGE = AUDIT_SHOWN;

/** REC-5: the audit history of one record, newest first, bounded. */
export async function listAudit(table: string, recordId: number, limit = AUDIT_PAGE) {
  return db().auditEntry.findMany({
    where: { table, recordId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, field: true, oldValue: true, newValue: true, userName: true, createdAt: true },
  });
}
