import type { Metadata } from "next";
import Link from "next/link";
import { CaseFilters } from "@/components/cases/case-filters";
import { CaseTable } from "@/components/cases/case-table";
import { caseColumns, caseRowViews } from "@/components/cases/case-table-data";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { canWriteCases } from "@/lib/domain/auth/roles";
import { canNotifyCustomers } from "@/lib/domain/notify/notify";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { listCases } from "@/lib/server/cases/list";
import { accountOptions, assigneeOptions } from "@/lib/server/lookup/choices";
import { firstValues, hrefWith, type QueryValue, type SearchParams } from "@/lib/query-string";

export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await workspaceActor();
  const raw = firstValues(await searchParams);
  const [list, accounts, assignees] = await Promise.all([
    readOr404(listCases(actor, raw)),
    accountOptions(),
    assigneeOptions(),
  ]);
  const href = (patch: Record<string, QueryValue>) => hrefWith("/cases", { ...raw, ...patch });
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between">
        <h1 className="text-lg font-semibold">Cases</h1>
        {canWriteCases(actor) && (
          <Link href="/cases/new" className={buttonClass("primary")}>
            New case
          </Link>
        )}
      </div>
      <CaseFilters params={list.params} accounts={accounts} assignees={assignees} />
      <CaseTable
        rows={caseRowViews(list.rows)}
        columns={caseColumns(list.params.sort ?? "-updated", (sort) => href({ sort, page: undefined }))}
        selectable={canNotifyCustomers(actor)}
      />
      <Pagination
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        capped={list.totalCapped}
        hrefFor={(page) => href({ page })}
      />
    </div>
  );
}
