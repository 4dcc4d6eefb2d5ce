import type { Metadata } from "next";
import { AuditHistory } from "@/components/audit/history";
import { IncidentForm } from "@/components/incidents/incident-form";
import { LinkedCases } from "@/components/incidents/linked-cases";
import { JournalComposer } from "@/components/journal/composer";
import { JournalTimeline } from "@/components/journal/timeline";
import { Badge, priorityTone, stateTone } from "@/components/ui/badge";
import { Section } from "@/components/ui/section";
import { Time } from "@/components/ui/time";
import { incidentPriorities, incidentStates, labelOf } from "@/lib/domain/records/choices";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { getIncidentView } from "@/lib/server/incidents/read";
import { postIncidentJournalAction } from "../actions";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).number) };
}

export default async function IncidentPage({ params }: Props) {
  const actor = await workspaceActor();
  const number = decodeURIComponent((await params).number);
  const view = await readOr404(getIncidentView(actor, number));
  const i = view.record;
  const stateLabel = labelOf(incidentStates, i.state);
  const facts: [string, React.ReactNode][] = [
    ["Caller", i.caller ? `${i.caller.name}${i.caller.kind !== "internal" ? " (external)" : ""}` : "—"],
    ["Company", i.company?.name ?? "—"],
    ["Asset", i.asset?.name ?? "—"],
    ["Assigned to", i.assignedTo?.name ?? "—"],
    ["Opened", <Time key="o" value={i.createdAt} />],
    ["Updated", <Time key="u" value={i.updatedAt} />],
    ["Caller emails", i.callerNotificationsSuppressed ? "Suppressed — the case owns the conversation" : "Sent"],
  ];
  return (
    <div className="space-y-4">
      <div>
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
          <span>Incident</span>
          <Badge tone={stateTone(stateLabel)}>{stateLabel}</Badge>
          <Badge tone={priorityTone(i.priority)}>{labelOf(incidentPriorities, i.priority)}</Badge>
        </div>
        <h1 className="mt-1 text-xl font-semibold">{i.number} <span className="font-normal text-slate-600">— {i.shortDescription}</span></h1>
      </div>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          <Section title="Details">
            <IncidentForm
              writable={view.permissions.write}
              states={view.states}
              data={{
                number: i.number, version: i.version, shortDescription: i.shortDescription, description: i.description, state: i.state,
                onHoldReason: i.onHoldReason, impact: i.impact, urgency: i.urgency, priority: i.priority, resolutionCode: i.resolutionCode, resolutionNotes: i.resolutionNotes,
              }}
            />
          </Section>
          <Section title="Customer Cases" id="customer-cases">
            <LinkedCases rows={view.cases} total={i._count.cases} />
          </Section>
          <Section title="Activity" id="activity">
            <div className="space-y-4">
              {view.permissions.journal && <JournalComposer post={postIncidentJournalAction.bind(null, i.number)} />}
              <JournalTimeline entries={view.journal.entries} total={view.journal.total} />
            </div>
          </Section>
        </div>
        <aside className="space-y-4">
          <Section title="Summary">
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
              {facts.map(([k, v]) => (
                <div key={k} className="contents"><dt className="text-slate-500">{k}</dt><dd className="text-right text-slate-800">{v}</dd></div>
              ))}
            </dl>
          </Section>
          <Section title="History"><AuditHistory rows={view.audit} /></Section>
        </aside>
      </div>
    </div>
  );
}
