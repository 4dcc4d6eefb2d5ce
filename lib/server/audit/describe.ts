import "server-only";
import { db } from "@/lib/db";
import { choiceText, FIELD_LABELS, REFERENCE_FIELDS } from "@/lib/domain/audit/labels";

type Row = { id: number; field: string; oldValue: string | null; newValue: string | null; userName: string; createdAt: Date };
export type AuditLine = { id: number; field: string; label: string; oldText: string; newText: string; userName: string; createdAt: Date };

/** Audit rows as people read them: labels for fields and choices, names for references (≤ 7 queries). */
export async function describeAudit(table: string, rows: Row[]): Promise<AuditLine[]> {
  const ids: Record<string, Set<number>> = {};
  for (const r of rows) {
    const kind = REFERENCE_FIELDS[r.field];
    if (!kind) continue;
    for (const v of [r.oldValue, r.newValue]) if (v && /^\d+$/.test(v)) (ids[kind] ??= new Set()).add(Number(v));
  }
  const list = (k: string) => [...(ids[k] ?? [])];
  const names = new Map<string, string>();
  const put = (kind: string, rs: { id: number; name?: string; number?: string }[]) =>
    rs.forEach((r) => names.set(`${kind}:${r.id}`, r.name ?? r.number ?? String(r.id)));
  await Promise.all([
    ids.user && db().user.findMany({ where: { id: { in: list("user") } }, select: { id: true, name: true } }).then((r) => put("user", r)),
    ids.account && db().account.findMany({ where: { id: { in: list("account") } }, select: { id: true, name: true } }).then((r) => put("account", r)),
    ids.asset && db().asset.findMany({ where: { id: { in: list("asset") } }, select: { id: true, name: true } }).then((r) => put("asset", r)),
    ids.incident && db().incident.findMany({ where: { id: { in: list("incident") } }, select: { id: true, number: true } }).then((r) => put("incident", r)),
    ids.problem && db().problem.findMany({ where: { id: { in: list("problem") } }, select: { id: true, number: true } }).then((r) => put("problem", r)),
    ids.change && db().changeRequest.findMany({ where: { id: { in: list("change") } }, select: { id: true, number: true } }).then((r) => put("change", r)),
    ids.case && db().case.findMany({ where: { id: { in: list("case") } }, select: { id: true, number: true } }).then((r) => put("case", r)),
  ]);
  const text = (field: string, v: string | null) => {
    if (v === null || v === "") return "(empty)";
    const kind = REFERENCE_FIELDS[field];
    if (kind) return names.get(`${kind}:${v}`) ?? `#${v}`;
    return choiceText(table, field, v);
  };
  return rows.map((r) => ({
    id: r.id, field: r.field, label: FIELD_LABELS[r.field] ?? r.field, oldText: text(r.field, r.oldValue), newText: text(r.field, r.newValue), userName: r.userName, createdAt: r.createdAt,
  }));
}
