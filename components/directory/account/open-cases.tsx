import Link from "@/components/ui/link";
import { Badge, priorityTone, stateTone } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { casePriorities, caseStates, labelOf } from "@/lib/domain/records/choices";

type OpenCase = {
  number: string;
  shortDescription: string;
  state: number;
  priority: number;
  updatedAt: Date;
  /** WRK-3: the customer answered since the assignee last opened it. */
  customerReplied: boolean;
};

/** SET-2: the account's open cases, most recently updated first. */
export function OpenCases({ cases, total }: { cases: OpenCase[]; total: number }) {
  if (!cases.length) return <p className="text-sm text-slate-500">No open cases.</p>;
  return (
    <div className="space-y-2">
      <ul className="divide-y divide-slate-100" aria-label="Open cases">
        {cases.map((c) => (
          <li key={c.number} className="flex flex-wrap items-center gap-2 py-1.5 text-sm">
            <Link href={`/cases/${c.number}`} className="font-medium text-brand-700 hover:underline">
              {c.number}
            </Link>
            <span className="min-w-0 flex-1 truncate text-slate-800">{c.shortDescription}</span>
            {c.customerReplied && <Badge tone="amber">Customer replied</Badge>}
            <Badge tone={stateTone(labelOf(caseStates, c.state))}>{labelOf(caseStates, c.state)}</Badge>
            <Badge tone={priorityTone(c.priority)}>{labelOf(casePriorities, c.priority)}</Badge>
            <span className="text-xs text-slate-500">
              <Time value={c.updatedAt} />
            </span>
          </li>
        ))}
      </ul>
      {total > cases.length && (
        <p className="text-xs text-slate-500">
          {cases.length} of {total.toLocaleString("en")} open cases shown.
        </p>
      )}
    </div>
  );
}
