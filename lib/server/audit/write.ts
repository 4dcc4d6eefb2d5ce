import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import type { FieldChange } from "@/lib/domain/audit/diff";

export type AuditAuthor = Pick<Actor, "id" | "name"> | null;

/** REC-5: one audit row per changed field, in the transaction of the change. */
export async function writeAudit(tx: Tx, table: string, recordId: number, changes: FieldChange[], author: AuditAuthor) {
  if (!changes.length) return;
  await tx.auditEntry.createMany({
    data: changes.map((c) => ({
      table,
      recordId,
      field: c.field,
      oldValue: c.oldValue,
      newValue: c.newValue,
      userId: author?.id ?? null,
      userName: author?.name ?? "System",
    })),
  });
}
