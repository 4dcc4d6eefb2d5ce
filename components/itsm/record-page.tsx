import { AuditHistory } from "@/components/audit/history";
import { LinkedCases } from "@/components/incidents/linked-cases";
import { LiveActivity } from "@/components/journal/activity";
import { ConflictBanner } from "@/components/journal/conflict-banner";
import { initialTimeline } from "@/lib/domain/journal/items";
import { LiveRecord } from "@/components/journal/live-record";
import { Badge, stateTone } from "@/components/ui/badge";
import { Section } from "@/components/ui/section";
import type { AuditLine } from "@/lib/domain/audit/labels";
import type { Actor } from "@/lib/domain/auth/roles";
import type { ActionResult } from "@/lib/domain/action-result";
import type { JournalView } from "@/lib/domain/journal/entry";
import { TABLE_LABEL, type TableName } from "@/lib/domain/records/tables";

type Props = {
  kind: string;
  /** The record's table (TABLE.incident…): its live timeline is polled by table and number. */
  table: TableName;
  number: string;
  /** The version the page shows: a newer one saved by someone else raises the conflict banner. */
  version: number;
  /** The reader (own entries, links to source records they may open). */
  actor: Actor;
  shortDescription: string;
  stateLabel: string;
  /** More badges beside the state (priority…). */
  badges?: React.ReactNode;
  details: React.ReactNode;
  facts: [string, React.ReactNode][];
  /** Customer Cases (linked records); absent on a work order, which names its one case in facts. */
  cases?: Parameters<typeof LinkedCases>[0]["rows"];
  caseCount?: number;
  /** PRO-3: row checkboxes and Notify Customers in Customer Cases (the incident page, if they may notify). */
  notify?: boolean;
  journal: { entries: JournalView[]; total: number };
  audit: AuditLine[];
  canPost: boolean;
  /** Additional comments in the composer (default on; off on work orders). */
  comments?: boolean;
  post: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
  extra?: React.ReactNode;
};

/**
 * The frame every ITSM record page shares (incident, problem, change, request): details,
 * Customer Cases, activity, summary, history.
 */
export function RecordPage(p: Props) {
  const page = (
    <div className="space-y-4">
      <div>
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
          <span>{p.kind}</span>
          <Badge tone={stateTone(p.stateLabel)}>{p.stateLabel}</Badge>
          {p.badges}
        </div>
        <h1 className="mt-1 text-xl font-semibold">
          {p.number} <span className="font-normal text-slate-600">— {p.shortDescription}</span>
        </h1>
      </div>
      <ConflictBanner noun={TABLE_LABEL[p.table].toLowerCase()} />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          <Section title="Details">{p.details}</Section>
          {p.extra}
          {p.cases && (
            <Section title="Customer Cases" id="customer-cases">
              <LinkedCases rows={p.cases} total={p.caseCount ?? p.cases.length} selectable={p.notify} />
            </Section>
          )}
          <Section title="Activity" id="activity">
            <LiveActivity post={p.canPost ? p.post : null} allowComments={p.comments} />
          </Section>
        </div>
        <aside className="space-y-4">
          <Section title="Summary" id="summary">
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
              {p.facts.map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-slate-500">{k}</dt>
                  <dd className="text-right text-slate-800">{v}</dd>
                </div>
              ))}
            </dl>
          </Section>
          <Section title="History" id="history">
            <AuditHistory rows={p.audit} />
          </Section>
        </aside>
      </div>
    </div>
  );
  return (
    <LiveRecord
      source={{ table: p.table, number: p.number }}
      version={p.version}
      initial={initialTimeline(p.journal, p.actor)}
    >
      {page}
    </LiveRecord>
  );
}
