import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { creationChanges, type FieldChange } from "@/lib/domain/audit/diff";

export type AuditAuthor = Pick<Actor, "id" | "name"> | null;

/** REC-5: one audit row per changed field, in the transaction of the change. */
export async function writeAudit(
  tx: Tx,
  table: string,
  recordId: number,
  changes: FieldChange[],
  author: AuditAuthor,
) {
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

/** Not part of a new record's audited initial values: its identity and bookkeeping. */
// A form's key (requestKey) says which click made the record: no field of it.
const NOT_AUDITED_ON_CREATE = new Set(["id", "number", "version", "createdAt", "updatedAt", "requestKey"]);

/** REC-5: the audit rows of a record just created — its initial values, in the same transaction. */
export async function auditCreation(
  tx: Tx,
  table: string,
  created: { id: number } & Record<string, unknown>,
  author: AuditAuthor,
) {
  const initial = Object.fromEntries(Object.entries(created).filter(([k]) => !NOT_AUDITED_ON_CREATE.has(k)));
  await writeAudit(tx, table, created.id, creationChanges(initial), author);
}
