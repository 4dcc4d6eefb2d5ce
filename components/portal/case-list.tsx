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

/** POR-1: the user's cases; each number opens the portal case page. Scrolls sideways on a phone. */
export function PortalCaseList({ rows }: { rows: PortalCaseRow[] }) {
  if (!rows.length) return <p className="px-3 py-6 text-center text-slate-600">No cases found.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] border-collapse text-sm">
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th className={th}>Number</th>
            <th className={th}>Short description</th>
            <th className={th}>State</th>
            <th className={th}>Priority</th>
            <th className={th}>Updated</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => {
            const state = labelOf(caseStates, r.state);
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
                <td className={`${td} break-words`}>{r.shortDescription}</td>
                <td className={td}>
                  <Badge tone={stateTone(state)}>{state}</Badge>
                </td>
                <td className={td}>
                  <Badge tone={priorityTone(r.priority)}>{labelOf(casePriorities, r.priority)}</Badge>
                </td>
                <td className={`${td} whitespace-nowrap text-slate-600`}>
                  <time dateTime={isoDateTime(r.updatedAt)}>{formatDateTime(r.updatedAt)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
