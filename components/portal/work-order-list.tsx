import Link from "@/components/ui/link";
import { Pagination } from "@/components/ui/pagination";
import { casePriorities, labelOf } from "@/lib/domain/records/choices";

export type PortalWorkOrderRow = {
  number: string;
  priority: number;
  state: string;
  shortDescription: string;
  caseNumber: string;
};

/**
 * POR-3: the portal's work orders as rows (number, priority, state, short description, case), each
 * a link to its page; a list rather than a table so it reads on a 390 px phone.
 */
export function WorkOrderList({
  rows,
  total,
  page,
  pageSize,
  hrefFor,
}: {
  rows: PortalWorkOrderRow[];
  total: number;
  page: number;
  pageSize: number;
  hrefFor: (page: number) => string;
}) {
  if (!total) return <p className="text-sm text-slate-600">No work orders match.</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {rows.map((r) => (
          <li key={r.number} className="px-3 py-2 text-sm">
            <p className="flex flex-wrap items-baseline gap-x-3">
              <Link className="cf-link font-medium" href={`/portal/work-orders/${r.number}`}>
                {r.number}
              </Link>
              <span className="text-slate-600">{labelOf(casePriorities, r.priority)}</span>
              <span className="text-slate-600">{r.state}</span>
              <span className="text-slate-600">Case {r.caseNumber}</span>
            </p>
            <p className="break-words text-slate-800">{r.shortDescription}</p>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageSize={pageSize} total={total} hrefFor={hrefFor} />
    </>
  );
}
