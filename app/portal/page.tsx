import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { PortalCaseList } from "@/components/portal/case-list";
import { PortalCaseSearch } from "@/components/portal/case-search";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { isPortalUser } from "@/lib/domain/portal/access";
import { parsePortalListQuery } from "@/lib/domain/portal/schemas";
import { portalActor } from "@/lib/server/auth/page";
import { listPortalCases } from "@/lib/server/portal/cases";

export const metadata: Metadata = { title: "My cases" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** POR-1: the cases the user may see (ROLE-3), newest update first, with search and a state filter. */
export default async function PortalCasesPage({ searchParams }: Props) {
  const actor = await portalActor();
  if (!isPortalUser(actor))
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700 shadow-sm">
        Your account has no access to cases yet. Ask your company&apos;s administrator or our support team.
      </p>
    );
  const query = parsePortalListQuery(await searchParams);
  const list = await listPortalCases(actor, query);
  const hrefFor = (page: number) => {
    const p = new URLSearchParams();
    if (query.q) p.set("q", query.q);
    if (query.state !== null) p.set("state", String(query.state));
    p.set("page", String(page));
    return `/portal?${p.toString()}`;
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold text-slate-900">Cases</h1>
        <Link href="/portal/cases/new" className={buttonClass("primary")}>
          Open a case
        </Link>
      </div>
      <PortalCaseSearch q={query.q} state={query.state} />
      <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <PortalCaseList rows={list.rows} />
        <div className="border-t border-slate-100 px-2">
          <Pagination
            page={list.page}
            pageSize={list.pageSize}
            total={list.total}
            capped={list.capped}
            hrefFor={hrefFor}
          />
        </div>
      </div>
    </div>
  );
}
