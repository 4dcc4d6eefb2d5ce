import Link from "next/link";
import { Badge, stateTone } from "@/components/ui/badge";
import { casePriorities, caseStates, labelOf } from "@/lib/domain/records/choices";

type Row = {
  id: number;
  number: string;
  shortDescription: string;
  state: number;
  priority: number;
  account: { name: string } | null;
};

/** INC-1 / INC-8: the cases linked to this record ("Customer Cases"). */
export function LinkedCases({ rows, total }: { rows: Row[]; total: number }) {
  if (!rows.length) return <p className="text-sm text-slate-500">No customer cases are linked.</p>;
  return (
    <div>
      <table className="min-w-full text-sm">
        <caption className="sr-only">Customer Cases</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th scope="col" className="py-1 pr-3 font-semibold">
              Number
            </th>
            <th scope="col" className="py-1 pr-3 font-semibold">
              Short description
            </th>
            <th scope="col" className="py-1 pr-3 font-semibold">
              Account
            </th>
            <th scope="col" className="py-1 pr-3 font-semibold">
              Priority
            </th>
            <th scope="col" className="py-1 font-semibold">
              State
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((c) => (
            <tr key={c.id}>
              <td className="py-1.5 pr-3 font-medium">
                <Link className="cf-link" href={`/cases/${c.number}`} prefetch={false}>
                  {c.number}
                </Link>
              </td>
              <td className="max-w-xs truncate py-1.5 pr-3">{c.shortDescription}</td>
              <td className="py-1.5 pr-3 text-slate-600">{c.account?.name ?? "—"}</td>
              <td className="py-1.5 pr-3 text-slate-600">{labelOf(casePriorities, c.priority)}</td>
              <td className="py-1.5">
                <Badge tone={stateTone(labelOf(caseStates, c.state))}>{labelOf(caseStates, c.state)}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length && (
        <p className="mt-2 text-xs text-slate-500">
          Showing {rows.length} of {total.toLocaleString("en")} cases.
        </p>
      )}
    </div>
  );
}
