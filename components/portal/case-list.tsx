import Link from "@/components/ui/link";
import { Badge, priorityTone, stateTone } from "@/components/ui/badge";
import { casePriorities, caseStates, labelOf } from "@/lib/domain/records/choices";
import { formatDateTime, isoDateTime } from "@/lib/domain/time-format";

export type PortalCaseRow = {
  number: string;
  shortDescription: string;
  state: number;
  priority: number;
  updatedAt: Date;
};

const th = "px-3 py-2 text-left text-xs font-semibold text-slate-600";
const td = "px-3 py-2 align-top";
/** State, Priority and Updated: columns from `sm` up; on a phone, a line under the short description. */
const wide = "hidden sm:table-cell";

/**
 * POR-1: the user's cases; each number opens the portal case page. On a phone (390 px) the table
 * has two columns and each row's state, priority and update time stand under its short description,
 * where a five-column table cut Priority and hid Updated behind a sideways scroll.
 */
export function PortalCaseList({ rows }: { rows: PortalCaseRow[] }) {
  if (!rows.length) return <p className="px-3 py-6 text-center text-slate-600">No cases found.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm sm:min-w-[36rem]">
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th className={th}>Number</th>
            <th className={th}>Short description</th>
            <th className={`${th} ${wide}`}>State</th>
            <th className={`${th} ${wide}`}>Priority</th>
            <th className={`${th} ${wide}`}>Updated</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => {
            const state = labelOf(caseStates, r.state);
            const stateBadge = <Badge tone={stateTone(state)}>{state}</Badge>;
            const priority = (
              <Badge tone={priorityTone(r.priority)}>{labelOf(casePriorities, r.priority)}</Badge>
            );
            const updated = <time dateTime={isoDateTime(r.updatedAt)}>{formatDateTime(r.updatedAt)}</time>;
            return (
              <tr key={r.number}>
                <td className={td}>
                  <Link
                    href={`/portal/cases/${r.number}`}
                    // 25 dynamic case pages per list view would multiply the load (PERF-7)
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {r.number}
                  </Link>
                </td>
                <td className={`${td} break-words`}>
                  {r.shortDescription}
                  <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600 sm:hidden">
                    {stateBadge}
                    {priority}
                    <span>Updated {updated}</span>
                  </div>
                </td>
                <td className={`${td} ${wide}`}>{stateBadge}</td>
                <td className={`${td} ${wide}`}>{priority}</td>
                <td className={`${td} ${wide} whitespace-nowrap text-slate-600`}>{updated}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
