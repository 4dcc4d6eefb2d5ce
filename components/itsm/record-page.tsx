import { AuditHistory } from "@/components/audit/history";
import { LinkedCases } from "@/components/incidents/linked-cases";
import { JournalComposer } from "@/components/journal/composer";
import { JournalTimeline } from "@/components/journal/timeline";
import { Badge, stateTone } from "@/components/ui/badge";
import { Section } from "@/components/ui/section";
import type { AuditLine } from "@/lib/server/audit/describe";
import type { ActionResult } from "@/lib/server/errors";
import type { JournalView } from "@/lib/server/journal/read";

type Props = {
  kind: string;
  number: string;
  shortDescription: string;
  stateLabel: string;
  /** More badges beside the state (priority…). */
  badges?: React.ReactNode;
  details: React.ReactNode;
  facts: [string, React.ReactNode][];
  cases: Parameters<typeof LinkedCases>[0]["rows"];
  caseCount: number;
  journal: { entries: JournalView[]; total: number };
  audit: AuditLine[];
  canPost: boolean;
  post: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
  extra?: React.ReactNode;
};

/** The frame every ITSM record page shares (incident, problem, change, request): details, Customer Cases, activity, summary, history. */
export function RecordPage(p: Props) {
  return (
    <div className="space-y-4">
      <div>
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
          <span>{p.kind}</span>
          <Badge tone={stateTone(p.stateLabel)}>{p.stateLabel}</Badge>
          {p.badges}
        </div>
        <h1 className="mt-1 text-xl font-semibold">{p.number} <span className="font-normal text-slate-600">— {p.shortDescription}</span></h1>
      </div>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          <Section title="Details">{p.details}</Section>
          {p.extra}
          <Section title="Customer Cases" id="customer-cases"><LinkedCases rows={p.cases} total={p.caseCount} /></Section>
          <Section title="Activity" id="activity">
            <div className="space-y-4">
              {p.canPost && <JournalComposer post={p.post} />}
              <JournalTimeline entries={p.journal.entries} total={p.journal.total} />
            </div>
          </Section>
        </div>
        <aside className="space-y-4">
          <Section title="Summary">
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
              {p.facts.map(([k, v]) => (
                <div key={k} className="contents"><dt className="text-slate-500">{k}</dt><dd className="text-right text-slate-800">{v}</dd></div>
              ))}
            </dl>
          </Section>
          <Section title="History"><AuditHistory rows={p.audit} /></Section>
        </aside>
      </div>
    </div>
  );
}
