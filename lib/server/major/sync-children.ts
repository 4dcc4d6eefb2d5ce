import "server-only";
import { Prisma, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { auditText } from "@/lib/domain/audit/diff";
import { confirmFirst } from "@/lib/domain/errors";
import { childPatch, confirmMessage } from "@/lib/domain/major/field-sync";
import { MajorCaseState } from "@/lib/domain/major/proposal";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { listProperty } from "../properties/read";
import type { CaseRow } from "../cases/persist";

// MAJ-5: changes of a major case copied to its children that are not Resolved, Closed or
// Cancelled — in a few set-based statements, whatever the number of children: one audit INSERT
// … SELECT per field (old values read from the children themselves), then one UPDATE.

const open = Prisma.join(OPEN_CASE_STATES);
const AUDITED = ["priority", "state", "resolutionNotes", "resolutionCode", "shortDescription", "description", "impact", "urgency", "assignedToId"];

export async function openChildCount(tx: Tx, majorId: number): Promise<number> {
  return tx.case.count({ where: { parentId: majorId, state: { in: OPEN_CASE_STATES } } });
}

/**
 * The patch the major case's change makes to its children, after the manager's confirmation
 * when there are any (a DomainError of kind "confirm" otherwise — nothing is saved).
 */
export async function planChildSync(tx: Tx, major: CaseRow, changed: Record<string, unknown>, confirmed: boolean) {
  if (major.majorCaseState !== MajorCaseState.Accepted) return null;
  const patch = childPatch(changed, await listProperty(PROPERTY.caseFieldsToSync, tx), new Date());
  if (!Object.keys(patch).length) return null;
  const n = await openChildCount(tx, major.id);
  if (!n) return null;
  if (!confirmed) throw confirmFirst(confirmMessage(n));
  return patch;
}

export async function applyChildSync(tx: Tx, actor: Actor, majorId: number, patch: Record<string, unknown>) {
  const now = new Date();
  for (const field of Object.keys(patch).filter((f) => AUDITED.includes(f))) {
    const value = auditText(patch[field]);
    const col = Prisma.raw(`k."${field}"`);
    const differs = value === null ? Prisma.sql`${col} IS NOT NULL` : Prisma.sql`(${col} IS NULL OR CAST(${col} AS TEXT) <> ${value})`;
    await tx.$executeRaw`
      INSERT INTO "AuditEntry" ("table", "recordId", "field", "oldValue", "newValue", "userId", "userName", "createdAt")
      SELECT ${TABLE.case}, k."id", ${field}, CAST(${col} AS TEXT), ${value}, ${actor.id}, ${actor.name}, ${now}
      FROM "Case" k WHERE k."parentId" = ${majorId} AND k."state" IN (${open}) AND ${differs}`;
  }
  const { count } = await tx.case.updateMany({ where: { parentId: majorId, state: { in: OPEN_CASE_STATES } }, data: { ...patch, version: { increment: 1 } } });
  return count;
}

/**
 * MAJ-5: additional comments and work notes posted on the major case are copied to its open
 * children when case_fields_to_sync lists comments / work_notes; one statement per entry.
 */
export async function copyJournalToChildren(tx: Tx, major: Pick<CaseRow, "id" | "number" | "majorCaseState">, entries: { id: number; kind: string; body: string }[], author: { id: number | null; name: string }) {
  if (major.majorCaseState !== MajorCaseState.Accepted || !entries.length) return 0;
  const listed = await listProperty(PROPERTY.caseFieldsToSync, tx);
  let copied = 0;
  for (const e of entries.filter((x) => listed.includes(x.kind))) {
    copied += await tx.$executeRaw`
      INSERT INTO "JournalEntry" ("table", "recordId", "kind", "body", "authorId", "authorName", "createdAt", "sourceTable", "sourceId", "sourceNumber", "eventKey", "ruleName")
      SELECT ${TABLE.case}, k."id", ${e.kind}, ${e.body}, ${author.id}, ${author.name}, ${new Date()}, ${TABLE.case}, ${major.id}, ${major.number}, ${`major-copy:${e.id}`}, ${"Major case sync"}
      FROM "Case" k WHERE k."parentId" = ${major.id} AND k."state" IN (${open})
      ON CONFLICT DO NOTHING`;
  }
  return copied;
}
