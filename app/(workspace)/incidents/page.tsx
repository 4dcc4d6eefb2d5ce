import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { IncidentTable } from "@/components/incidents/incident-table";
import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { canReadIncidents, canWriteIncidents } from "@/lib/domain/auth/roles";
import { incidentPriorities, incidentStates } from "@/lib/domain/records/choices";
import { workspaceActor } from "@/lib/server/auth/page";
import { listIncidents } from "@/lib/server/incidents/read";
import { firstValues, hrefWith, type SearchParams } from "@/lib/query-string";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await workspaceActor();
  if (!canReadIncidents(actor)) notFound();
  const raw = firstValues(await searchParams);
  const list = await listIncidents(actor, raw);
  const href = (page: number) => hrefWith("/incidents", { ...raw, page });
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between">
        <h1 className="text-lg font-semibold">Incidents</h1>
        {canWriteIncidents(actor) && (
          <Link href="/incidents/new" className={buttonClass("primary")}>
            New incident
          </Link>
        )}
      </div>
      <form
        method="get"
        role="search"
        aria-label="Filter incidents"
        className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      >
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-xs font-semibold text-slate-600">
          Search
          <input
            name="q"
            type="text" /* the header's Search is the page's one searchbox (WRK-5) */
            maxLength={100}
            defaultValue={list.params.q ?? ""}
            placeholder="Number or short description"
            className={controlClass()}
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-semibold text-slate-600">
          State
          <select name="state" defaultValue={list.params.state ?? "all"} className={controlClass()}>
            <option value="all">All states</option>
            <option value="open">Open (New, In Progress, On Hold)</option>
            {incidentStates.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-semibold text-slate-600">
          Priority
          <select name="priority" defaultValue={list.params.priority ?? ""} className={controlClass()}>
            <option value="">Any priority</option>
            {incidentPriorities.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("primary")}>
          Apply
        </button>
      </form>
      <IncidentTable rows={list.rows} />
      <Pagination
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        capped={list.totalCapped}
        hrefFor={href}
      />
    </div>
  );
}
