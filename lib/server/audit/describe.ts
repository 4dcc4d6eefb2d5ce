import "server-only";
import {
  choiceText,
  DATE_FIELDS,
  FIELD_LABELS,
  REFERENCE_FIELDS,
  type AuditLine,
} from "@/lib/domain/audit/labels";
import { REF_KINDS } from "@/lib/domain/records/refs";
import { formatDateTime } from "@/lib/domain/time-format";
import { refKey, RefRequest, type RefKind, type RefMap } from "../refs";

export type AuditRow = {
  id: number;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  userName: string;
  createdAt: Date;
};

/** Adds the ids audit rows mention to a reference request (resolved together with the page's own). */
export function auditRefs(rows: AuditRow[], req = new RefRequest()) {
  for (const r of rows) {
    const kind = REFERENCE_FIELDS[r.field];
    if (!kind) continue;
    for (const v of [r.oldValue, r.newValue]) if (v && /^\d+$/.test(v)) req.add(kind, Number(v));
  }
  return req;
}

/** Audit rows as people read them: labels for fields and choices, names for references. */
export function describeAudit(table: string, rows: AuditRow[], refs: RefMap): AuditLine[] {
  return describeAuditLines(table, rows, (kind, v) => {
    const r = /^\d+$/.test(v) ? refs.get(refKey(kind, Number(v))) : undefined;
    return r ? (r[REF_KINDS[kind].text] ?? v) : undefined;
  });
}

/**
 * The same, with the name or number (REF_KINDS) of each referenced value
 * from `refText` — a page that read them with its rows (lib/server/cases/page-read.ts) passes them.
 */
export function describeAuditLines(
  table: string,
  rows: AuditRow[],
  refText: (kind: RefKind, value: string, row: AuditRow, side: "old" | "new") => string | null | undefined,
): AuditLine[] {
  const text = (r: AuditRow, side: "old" | "new") => {
    const v = side === "old" ? r.oldValue : r.newValue;
    if (v === null || v === "") return "(empty)";
    const kind = REFERENCE_FIELDS[r.field];
    if (kind) return refText(kind, v, r, side) ?? `#${v}`;
    if (DATE_FIELDS.has(r.field)) {
      const at = new Date(v);
      return Number.isNaN(at.getTime()) ? v : formatDateTime(at);
    }
    return choiceText(table, r.field, v);
  };
  return rows.map((r) => ({
    id: r.id,
    field: r.field,
    label: FIELD_LABELS[r.field] ?? r.field,
    oldText: text(r, "old"),
    newText: text(r, "new"),
    userName: r.userName,
    createdAt: r.createdAt,
  }));
}

/** For pages that show only an audit history. */
export async function describeAuditRows(table: string, rows: AuditRow[]): Promise<AuditLine[]> {
  return describeAudit(table, rows, await auditRefs(rows).resolve());
}
