import "server-only";
import { db, Prisma } from "@/lib/db";
import { text } from "@/lib/domain/api/serialize";
import { fieldOf, type ApiTable } from "@/lib/domain/api/table";
import { assignableRoles } from "@/lib/domain/auth/user-admin";
import { num } from "../sql";
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
    // One plain statement: Prisma's findMany with `id in (…100 ids)` cost ~10 ms of CPU per page
    // (query building and row mapping) against ~1.5 ms for the same SQL (PERF-6). Names are
    // the fixed model and column of REF_TARGET, never input.
    const model = `"${target.model[0].toUpperCase()}${target.model.slice(1)}"`;
    const found = await db().$queryRaw<{ id: unknown; display: unknown }[]>`
      SELECT "id", ${Prisma.raw(`"${target.display}"`)} AS "display" FROM ${Prisma.raw(model)}
      WHERE "id" IN (${Prisma.join([...ids])})`;
    out.set(ref, new Map(found.map((r) => [num(r.id), text(r.display)])));
  }
  return out;
}

type ByRow = { recordId: unknown; first: string | null; last: string | null };

/**
 * API-1: sys_created_by and sys_updated_by — the user_name (email) of the first and the latest
 * audit row of each record, in one statement for the page; "system" where nothing is audited
 * (seeded data). The audit history is the only place that records who saved a record.
 */
export async function loadSysBy(auditTable: string, ids: number[]) {
  const out = new Map<number, { created: string; updated: string }>();
  if (!ids.length) return out;
  const rows = await db().$queryRaw<ByRow[]>`
    SELECT x."recordId",
      (SELECT COALESCE(u."email", f."userName") FROM "AuditEntry" f LEFT JOIN "User" u ON u."id" = f."userId"
        WHERE f."id" = x."firstId") AS "first",
      (SELECT COALESCE(u."email", l."userName") FROM "AuditEntry" l LEFT JOIN "User" u ON u."id" = l."userId"
        WHERE l."id" = x."lastId") AS "last"
    FROM (SELECT a."recordId", MIN(a."id") AS "firstId", MAX(a."id") AS "lastId" FROM "AuditEntry" a
      WHERE a."table" = ${auditTable} AND a."recordId" IN (${Prisma.join(ids)}) GROUP BY a."recordId") x`;
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
