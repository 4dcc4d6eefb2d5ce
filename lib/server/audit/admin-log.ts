import "server-only";
import { db, type Prisma } from "@/lib/db";
import { ADMIN_AUDIT_AREAS } from "@/lib/domain/audit/admin-log";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import { TEMPLATE_TABLE } from "@/lib/domain/itsm/changes/templates";
import { forbidden } from "@/lib/domain/errors";
import { isChoice } from "@/lib/domain/records/choices";
import { listPage, recordId, searchText } from "@/lib/domain/validation";
import { containsInAny } from "../text-search";

export const ADMIN_AUDIT_PAGE = 50;

/**
 * REC-5: /admin/audit — the audit rows of what administrators change (users' roles and access,
 * groups, properties, plugins, business rules, lookup, field maps, standard change templates, SLAs,
 * tokens, customer emails), newest first, 50 a page; by area, by one record of it (a user's History)
 * and by who changed it. Each row names its record (a user by name and email, a group or a template by
 * name) — one read per kind on the page, whatever the log's size. Administrators only.
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
  const named = new Map<string, string>();
  const nameOf = async (table: string, find: (ids: number[]) => Promise<{ id: number; label: string }[]>) => {
    const wanted = ids(table);
    if (wanted.length) for (const r of await find(wanted)) named.set(`${table}:${r.id}`, r.label);
  };
  const select = { id: true, name: true } as const;
  await Promise.all([
    nameOf("sys_user", async (id) =>
      (await db().user.findMany({ where: { id: { in: id } }, select: { ...select, email: true } })).map(
        (u) => ({
          id: u.id,
          label: `${u.name} <${u.email}>`,
        }),
      ),
    ),
    nameOf("sys_user_group", async (id) =>
      (await db().group.findMany({ where: { id: { in: id } }, select })).map((g) => ({
        id: g.id,
        label: g.name,
      })),
    ),
    nameOf(TEMPLATE_TABLE, async (id) =>
      (await db().standardChangeTemplate.findMany({ where: { id: { in: id } }, select })).map((t) => ({
        id: t.id,
        label: t.name,
      })),
    ),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, record: named.get(`${r.table}:${r.recordId}`) ?? null })),
    total,
    page,
    filter: { area, record, who },
  };
}
