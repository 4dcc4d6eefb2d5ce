import "server-only";
import type { Tx } from "@/lib/db";
import { TABLE } from "@/lib/domain/records/tables";
import { auditCreation, type AuditAuthor } from "../audit/write";

/** A new task's initial values in the history (REC-5); its work order is the page it shows on. */
export function auditTaskCreation(
  tx: Tx,
  task: { id: number; workOrderId: number } & Record<string, unknown>,
  actor: AuditAuthor,
) {
  const { workOrderId: _order, ...audited } = task;
  return auditCreation(tx, TABLE.workOrderTask, audited, actor);
}
