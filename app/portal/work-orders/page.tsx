import type { Metadata } from "next";
import { WorkOrderList } from "@/components/portal/work-order-list";
import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { isChoice, workOrderStates } from "@/lib/domain/records/choices";
import { searchText } from "@/lib/domain/validation";
import { readOr404 } from "@/lib/server/auth/page";
import { portalActor } from "@/lib/server/auth/page";
import { listExternalWorkOrders } from "@/lib/server/work-orders/external";

export const metadata: Metadata = { title: "Work Orders" };

type Search = { q?: string | string[]; state?: string | string[]; page?: string | string[] };
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/**
 * POR-3: the work orders of the cases the user may see (listExternalWorkOrders filters by role),
 * with a search, a state filter and paging. Field Service off → 404 (the read refuses).
 */
export default async function PortalWorkOrdersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await portalActor();
  const sp = await searchParams;
  const q = searchText(one(sp.q));
  const state = isChoice(workOrderStates, one(sp.state)) ? one(sp.state) : "";
  const list = await readOr404(
    listExternalWorkOrders(actor, { q, state: state || undefined, page: Number(one(sp.page)) || 1 }),
  );
  const hrefFor = (page: number) =>
    `/portal/work-orders?${new URLSearchParams({ q, state, page: String(page) })}`;
  return (
    <div className="mx-auto max-w-3xl space-y-4 p-3 sm:p-6">
      <h1 className="text-xl font-semibold">Work Orders</h1>
      <form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="wo-q" className="mb-1 block text-xs font-semibold text-slate-600">
            Search
          </label>
          <input id="wo-q" name="q" type="search" defaultValue={q} className={controlClass()} />
        </div>
        <div>
          <label htmlFor="wo-state" className="mb-1 block text-xs font-semibold text-slate-600">
            State
          </label>
          <select id="wo-state" name="state" defaultValue={state} className={controlClass()}>
            <option value="">All</option>
            {workOrderStates.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
      </form>
      <WorkOrderList {...list} hrefFor={hrefFor} />
    </div>
  );
}
