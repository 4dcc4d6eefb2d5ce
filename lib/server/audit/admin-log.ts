import "server-only";
import { db, type Prisma } from "@/lib/db";
import { ADMIN_AUDIT_AREAS } from "@/lib/domain/audit/admin-log";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import { forbidden } from "@/lib/domain/errors";
import { isChoice } from "@/lib/domain/records/choices";
import { listPage, recordId, searchText } from "@/lib/domain/validation";
import { containsInAny } from "../text-search";

export const ADMIN_AUDIT_PAGE = 50;

/**
 * REC-5: /admin/audit — the audit rows of what administrators change (users' roles and access,
 * groups, properties, plugins, business rules, lookup, field maps, SLAs, tokens, customer emails),
 * newest first, 50 a page; by area, by one record of it (a user's History) and by who changed it.
 * Each row names its record (a user by name and email, a group by name) — one read per kind for the
 * page's rows, whatever the log's size. Administrators only.
 */
export async function listAdminAudit(
  actor: Actor,
  filter: { area?: unknown; record?: unknown; who?: unknown; page?: unknown },
) {
  if (!canAdminister(actor)) throw forbidden("Only administrators read the audit log.");
  const area = isChoice(ADMIN_AUDIT_AREAS, filter.area) ? filter.area : null;
  const record = area ? recordId(filter.record) : null;
  const who = searchText(filter.who);
  const where: Prisma.AuditEntryWhereInput = {
    table: area ?? { in: ADMIN_AUDIT_AREAS.map((a) => a.value) },
    ...(record !== null && { recordId: record }),
    ...containsInAny<Prisma.AuditEntryWhereInput>(who, ["userName"]),
  };
  const page = listPage(filter.page);
  const [rows, total] = await Promise.all([
    db().auditEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * ADMIN_AUDIT_PAGE,
      take: ADMIN_AUDIT_PAGE,
      select: {
        id: true,
        table: true,
        recordId: true,
        field: true,
        oldValue: true,
        newValue: true,
        userName: true,
        createdAt: true,
      },
    }),
    db().auditEntry.count({ where }),
  ]);
  const ids = (table: string) => [...new Set(rows.filter((r) => r.table === table).map((r) => r.recordId))];
  const [users, groups] = await Promise.all([
    db().user.findMany({
      where: { id: { in: ids("sys_user") } },
      select: { id: true, name: true, email: true },
    }),
    db().group.findMany({ where: { id: { in: ids("sys_user_group") } }, select: { id: true, name: true } }),
  ]);
  const named = new Map<string, string>([
    ...users.map((u) => [`sys_user:${u.id}`, `${u.name} <${u.email}>`] as const),
    ...groups.map((g) => [`sys_user_group:${g.id}`, g.name] as const),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, record: named.get(`${r.table}:${r.recordId}`) ?? null })),
    total,
    page,
    filter: { area, record, who },
  };
}
