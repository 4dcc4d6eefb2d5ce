import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AdminTable } from "@/components/admin/admin-table";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { ADMIN_AUDIT_AREAS } from "@/lib/domain/audit/admin-log";
import { labelOf } from "@/lib/domain/records/choices";
import { firstValues, hrefWith, type SearchParams } from "@/lib/query-string";
import { ADMIN_AUDIT_PAGE, listAdminAudit } from "@/lib/server/audit/admin-log";
import { adminActor } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "Audit log" };

const PATH = "/admin/audit";
const change = (r: { field: string; oldValue: string | null; newValue: string | null }) =>
  `${r.field}: ${r.oldValue ?? "(empty)"} → ${r.newValue ?? "(empty)"}`;

/** REC-5: what administrators changed — users' roles and access, settings — who did it and when. */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await adminActor();
  const sp = firstValues(await searchParams);
  const log = await listAdminAudit(actor, sp);
  const { area, record, who } = log.filter;
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <PageHeader title="Audit log">
        Every change to users, groups and settings, newest first: who made it, when, the old and new value.
        {record !== null && area && (
          <>
            {" "}
            One record only —{" "}
            <Link href={hrefWith(PATH, { area })}>all of {labelOf(ADMIN_AUDIT_AREAS, area)}</Link>.
          </>
        )}
      </PageHeader>
      <form method="get" action={PATH} role="search" className="flex flex-wrap items-end gap-3">
        <label className="text-xs font-semibold text-slate-600" htmlFor="audit-area">
          Area
          <select
            id="audit-area"
            name="area"
            defaultValue={area ?? ""}
            className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal"
          >
            <option value="">All areas</option>
            {ADMIN_AUDIT_AREAS.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-semibold text-slate-600" htmlFor="audit-who">
          Changed by
          <input
            id="audit-who"
            name="who"
            defaultValue={who}
            placeholder="Name"
            className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal"
          />
        </label>
        {record !== null && <input type="hidden" name="record" value={record} />}
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
          Apply
        </button>
      </form>
      <AdminTable
        label="Audit log"
        columns={["When", "Changed by", "Area", "Record", "Change"]}
        empty="No changes recorded."
        list={log}
        pageSize={ADMIN_AUDIT_PAGE}
        hrefFor={(p) => hrefWith(PATH, { area, record, who, page: p })}
      >
        {log.rows.map((r) => (
          <tr key={r.id}>
            <td className="cf-nowrap">
              <Time value={r.createdAt} />
            </td>
            <td>{r.userName}</td>
            <td className="cf-nowrap">{labelOf(ADMIN_AUDIT_AREAS, r.table)}</td>
            <td>{r.record ?? <span className="text-slate-400">—</span>}</td>
            <td className="max-w-md break-words font-mono text-xs">{change(r)}</td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
