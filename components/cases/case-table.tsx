import Link from "next/link";
import { Badge, priorityTone, stateTone } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { casePriorities, caseStates, labelOf } from "@/lib/domain/records/choices";

type Row = {
  id: number; number: string; shortDescription: string; state: number; priority: number; updatedAt: Date; majorCaseState: string;
  account: { name: string } | null; contact: { name: string } | null; consumer: { name: string } | null; assignedTo: { name: string } | null;
};

const COLUMNS = [
  { key: "number", label: "Number" },
  { key: "short_description", label: "Short description" },
  { key: "state", label: "State" },
  { key: "priority", label: "Priority" },
  { key: null, label: "Account" },
  { key: null, label: "Contact" },
  { key: null, label: "Assigned to" },
  { key: "updated", label: "Updated" },
] as const;

export function CaseTable({ rows, sort, sortHref }: { rows: Row[]; sort: string; sortHref: (sort: string) => string }) {
  if (!rows.length) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">No cases match these filters.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">Cases</caption>
        <thead className="bg-slate-50">
          <tr>
            {COLUMNS.map((c) => {
              const active = c.key && sort.replace("-", "") === c.key;
              const next = active && !sort.startsWith("-") ? `-${c.key}` : c.key;
              return (
                <th key={c.label} scope="col" aria-sort={active ? (sort.startsWith("-") ? "descending" : "ascending") : undefined} className="px-3 py-2 text-left text-xs font-semibold text-slate-600">
                  {c.key ? <Link href={sortHref(next!)} className="hover:text-slate-900">{c.label}{active ? (sort.startsWith("-") ? " ↓" : " ↑") : ""}</Link> : c.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <td className="px-3 py-2 font-medium whitespace-nowrap"><Link className="text-brand-700 hover:underline" href={`/cases/${r.number}`}>{r.number}</Link></td>
              <td className="max-w-md truncate px-3 py-2">{r.shortDescription}{r.majorCaseState === "accepted" && <span className="ml-2"><Badge tone="violet">Major</Badge></span>}</td>
              <td className="px-3 py-2"><Badge tone={stateTone(labelOf(caseStates, r.state))}>{labelOf(caseStates, r.state)}</Badge></td>
              <td className="px-3 py-2 whitespace-nowrap"><Badge tone={priorityTone(r.priority)}>{labelOf(casePriorities, r.priority)}</Badge></td>
              <td className="px-3 py-2 text-slate-700">{r.account?.name ?? "—"}</td>
              <td className="px-3 py-2 text-slate-700">{r.contact?.name ?? r.consumer?.name ?? "—"}</td>
              <td className="px-3 py-2 text-slate-700">{r.assignedTo?.name ?? <span className="text-slate-400">Unassigned</span>}</td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-600"><Time value={r.updatedAt} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
