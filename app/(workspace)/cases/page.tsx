import type { Metadata } from "next";
import Link from "next/link";
import { CaseFilters } from "@/components/cases/case-filters";
import { CaseTable } from "@/components/cases/case-table";
import { caseColumns, caseRowViews } from "@/components/cases/case-table-data";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { canWriteCases } from "@/lib/domain/auth/roles";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { listCases } from "@/lib/server/cases/list";
import { accountOptions, assigneeOptions } from "@/lib/server/lookup/choices";

export const metadata: Metadata = { title: "Cases" };

type Search = Record<string, string | string[] | undefined>;
const single = (s: Search) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

export default async function CasesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await workspaceActor();
  const raw = single(await searchParams);
  const [list, accounts, assignees] = await Promise.all([readOr404(listCases(actor, raw)), accountOptions(), assigneeOptions()]);
  const href = (patch: Record<string, string | number | undefined>) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...raw, ...patch })) if (v !== undefined && v !== "") qs.set(k, String(v));
    return `/cases?${qs}`;
  };
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between">
        <h1 className="text-lg font-semibold">Cases</h1>
        {canWriteCases(actor) && <Link href="/cases/new" className={buttonClass("primary")}>New case</Link>}
      </div>
      <CaseFilters params={list.params} accounts={accounts} assignees={assignees} />
      <CaseTable rows={caseRowViews(list.rows)} columns={caseColumns(list.params.sort ?? "-updated", (sort) => href({ sort, page: undefined }))} />
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} capped={list.totalCapped} hrefFor={(page) => href({ page })} />
    </div>
  );
}
