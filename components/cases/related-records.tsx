import Link from "next/link";
import { ReadOnlyField } from "@/components/ui/field";
import { changeStates, incidentStates, labelOf, problemStates } from "@/lib/domain/records/choices";

type Rec = { number: string; shortDescription: string; state: number } | null;

function RecordLink({ href, record, states }: { href: string; record: Rec; states: Parameters<typeof labelOf>[0] }) {
  if (!record) return <span className="text-slate-400">—</span>;
  return (
    <span className="flex min-w-0 items-baseline gap-2">
      <Link href={href + record.number} className="font-medium text-brand-700 hover:underline">{record.number}</Link>
      <span className="truncate text-slate-600" title={record.shortDescription}>{record.shortDescription}</span>
      <span className="ml-auto shrink-0 text-xs text-slate-500">{labelOf(states, record.state)}</span>
    </span>
  );
}

/** ITSM-2: the Related Records section — Incident (ROLE-1), Problem, Change Request, Caused by Change. */
export function RelatedRecords({ incident, problem, change, causedBy, seesIncidents }: { incident: Rec; problem: Rec; change: Rec; causedBy: Rec; seesIncidents: boolean }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {seesIncidents && <ReadOnlyField label="Incident"><RecordLink href="/incidents/" record={incident} states={incidentStates} /></ReadOnlyField>}
      <ReadOnlyField label="Problem"><RecordLink href="/problems/" record={problem} states={problemStates} /></ReadOnlyField>
      <ReadOnlyField label="Change Request"><RecordLink href="/changes/" record={change} states={changeStates} /></ReadOnlyField>
      <ReadOnlyField label="Caused by Change"><RecordLink href="/changes/" record={causedBy} states={changeStates} /></ReadOnlyField>
    </div>
  );
}
