import { Badge, priorityTone, stateTone } from "@/components/ui/badge";
import { casePriorities, caseStates, labelOf } from "@/lib/domain/records/choices";
import { formatDateTime, isoDateTime } from "@/lib/domain/time-format";

type Props = {
  number: string;
  state: number;
  priority: number;
  shortDescription: string;
  description: string;
  assetName: string | null;
  openedAt: Date;
  updatedAt: Date;
};

const When = ({ label, at }: { label: string; at: Date }) => (
  <div>
    <dt className="text-xs font-semibold text-slate-600">{label}</dt>
    <dd>
      <time dateTime={isoDateTime(at)}>{formatDateTime(at)}</time>
    </dd>
  </div>
);

/** POR-1: the customer-safe fields of a case — nothing of assignment or related records. */
export function PortalCaseDetails(c: Props) {
  const state = labelOf(caseStates, c.state);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span className="font-mono text-sm font-semibold text-slate-800">{c.number}</span>
        <Badge tone={stateTone(state)}>
          <span data-testid="case-state">{state}</span>
        </Badge>
        <Badge tone={priorityTone(c.priority)}>{labelOf(casePriorities, c.priority)}</Badge>
      </div>
      <h1 className="text-xl font-semibold break-words text-slate-900">{c.shortDescription}</h1>
      {c.description && (
        <p className="text-sm whitespace-pre-wrap break-words text-slate-800">{c.description}</p>
      )}
      <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-800">
        {c.assetName && (
          <div>
            <dt className="text-xs font-semibold text-slate-600">Asset</dt>
            <dd className="break-words">{c.assetName}</dd>
          </div>
        )}
        <When label="Opened" at={c.openedAt} />
        <When label="Updated" at={c.updatedAt} />
      </dl>
    </div>
  );
}
