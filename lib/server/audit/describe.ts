import "server-only";
import { choiceText, FIELD_LABELS, REFERENCE_FIELDS, type AuditLine } from "@/lib/domain/audit/labels";
import { refKey, RefRequest, type RefMap } from "../refs";

type Row = {
  id: number;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  userName: string;
  createdAt: Date;
};

/** Adds the ids audit rows mention to a reference request (resolved together with the page's own). */
export function auditRefs(rows: Row[], req = new RefRequest()) {
  for (const r of rows) {
    const kind = REFERENCE_FIELDS[r.field];
    if (!kind) continue;
    for (const v of [r.oldValue, r.newValue]) if (v && /^\d+$/.test(v)) req.add(kind, Number(v));
  }
  return req;
}

/** Audit rows as people read them: labels for fields and choices, names for references. */
export function describeAudit(table: string, rows: Row[], refs: RefMap): AuditLine[] {
  const text = (field: string, v: string | null) => {
    if (v === null || v === "") return "(empty)";
    const kind = REFERENCE_FIELDS[field];
    if (kind) {
      const r = /^\d+$/.test(v) ? refs.get(refKey(kind, Number(v))) : undefined;
      return r
        ? kind === "user" || kind === "account" || kind === "asset"
          ? (r.name ?? v)
          : (r.number ?? v)
        : `#${v}`;
    }
    return choiceText(table, field, v);
  };
  return rows.map((r) => ({
    id: r.id,
    field: r.field,
    label: FIELD_LABELS[r.field] ?? r.field,
    oldText: text(r.field, r.oldValue),
    newText: text(r.field, r.newValue),
    userName: r.userName,
    createdAt: r.createdAt,
  }));
}

/** For pages that show only an audit history. */
export async function describeAuditRows(table: string, rows: Row[]): Promise<AuditLine[]> {
  return describeAudit(table, rows, await auditRefs(rows).resolve());
}
