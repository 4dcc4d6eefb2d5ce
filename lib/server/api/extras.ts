import "server-only";
import { db } from "@/lib/db";
import { text } from "@/lib/domain/api/serialize";
import { fieldOf, type ApiTable } from "@/lib/domain/api/table";
import { assignableRoles } from "@/lib/domain/auth/user-admin";
import { readCreatedUpdatedBy } from "../tables/audit-entry";
import { readDisplayValues } from "../tables/display-values";
import { num } from "../tables/sql";
import { REF_TARGET } from "./models";

type Row = Record<string, unknown>;

/**
 * API-4: display values of the references of `rows` in `fields` — one query per referenced
 * table, whatever the number of rows (PERF-6).
 */
export async function loadRefDisplay(table: ApiTable, rows: Row[], fields: readonly string[]) {
  const wanted = new Map<string, Set<number>>();
  for (const name of fields) {
    const f = fieldOf(table, name);
    if (f?.kind !== "reference" || !f.ref) continue;
    const ids = wanted.get(f.ref) ?? new Set<number>();
    for (const r of rows) if (r[f.column] !== null && r[f.column] !== undefined) ids.add(Number(r[f.column]));
    wanted.set(f.ref, ids);
  }
  const out = new Map<string, Map<number, string>>();
  for (const [ref, ids] of wanted) {
    if (!ids.size) continue;
    const target = REF_TARGET[ref as keyof typeof REF_TARGET];
    const found = await readDisplayValues(target.model, target.display, [...ids]);
    out.set(ref, new Map(found.map((r) => [num(r.id), text(r.display)])));
  }
  return out;
}

/**
 * API-1: sys_created_by and sys_updated_by — the user_name (email) of the first and the latest
 * audit row of each record, in one statement for the page; "system" where nothing is audited
 * (seeded data). The audit history is the only place that records who saved a record.
 */
export async function loadSysBy(auditTable: string, ids: number[]) {
  const out = new Map<number, { created: string; updated: string }>();
  if (!ids.length) return out;
  const rows = await readCreatedUpdatedBy(auditTable, ids);
  for (const r of rows)
    out.set(num(r.recordId), { created: r.first ?? "system", updated: r.last ?? "system" });
  return out;
}

/**
 * SET-5: each contact's portal roles as the contact form shows them — comma-separated, sorted,
 * without snc_external (which every external user holds) — in one statement for the page.
 */
export async function loadPortalRoles(userIds: number[]) {
  const out = new Map<number, string>();
  if (!userIds.length) return out;
  const portal = assignableRoles("contact");
  const rows = await db().userRole.findMany({
    where: { userId: { in: userIds }, role: { in: [...portal] } },
    select: { userId: true, role: true },
    orderBy: [{ userId: "asc" }, { role: "asc" }],
  });
  for (const r of rows) {
    const before = out.get(r.userId);
    out.set(r.userId, before ? `${before},${r.role}` : r.role);
  }
  return out;
}
