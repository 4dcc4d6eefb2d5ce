import Link from "@/components/ui/link";
import { Badge, priorityTone, stateTone } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { incidentPriorities, incidentStates, labelOf } from "@/lib/domain/records/choices";

type Row = {
  id: number;
  number: string;
  shortDescription: string;
  state: number;
  priority: number;
  updatedAt: Date;
  caller: { name: string } | null;
  company: { name: string } | null;
  _count: { cases: number };
};

export function IncidentTable({ rows }: { rows: Row[] }) {
  if (!rows.length)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">
        No incidents match these filters.
      </p>
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">Incidents</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
          <tr>
            {[
              "Number",
              "Short description",
              "State",
              "Priority",
              "Caller",
              "Company",
              "Cases",
              "Updated",
            ].map((h) => (
              <th key={h} scope="col" className="px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <td className="px-3 py-2 font-medium whitespace-nowrap">
                <Link className="cf-link" href={`/incidents/${r.number}`}>
                  {r.number}
                </Link>
              </td>
              <td className="max-w-md truncate px-3 py-2">{r.shortDescription}</td>
              <td className="px-3 py-2">
                <Badge tone={stateTone(labelOf(incidentStates, r.state))}>
                  {labelOf(incidentStates, r.state)}
                </Badge>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <Badge tone={priorityTone(r.priority)}>{labelOf(incidentPriorities, r.priority)}</Badge>
              </td>
              <td className="px-3 py-2 text-slate-700">{r.caller?.name ?? "—"}</td>
              <td className="px-3 py-2 text-slate-700">{r.company?.name ?? "—"}</td>
              <td className="px-3 py-2 text-slate-700">{r._count.cases}</td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-600">
                <Time value={r.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
