import type { Metadata } from "next";
import { IncidentForm } from "@/components/incidents/incident-form";
import { RecordPage } from "@/components/itsm/record-page";
import { Badge, priorityTone } from "@/components/ui/badge";
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
  return (
    <RecordPage
      kind="Incident" number={i.number} shortDescription={i.shortDescription} stateLabel={labelOf(incidentStates, i.state)}
      badges={<Badge tone={priorityTone(i.priority)}>{labelOf(incidentPriorities, i.priority)}</Badge>}
      details={
        <IncidentForm
          writable={view.permissions.write}
          states={view.states}
          data={{
            number: i.number, version: i.version, shortDescription: i.shortDescription, description: i.description, state: i.state,
            onHoldReason: i.onHoldReason, impact: i.impact, urgency: i.urgency, priority: i.priority, resolutionCode: i.resolutionCode, resolutionNotes: i.resolutionNotes,
          }}
        />
      }
      facts={[
        ["Caller", i.caller ? `${i.caller.name}${i.caller.kind !== "internal" ? " (external)" : ""}` : "—"],
        ["Company", i.company?.name ?? "—"],
        ["Asset", i.asset?.name ?? "—"],
        ["Assigned to", i.assignedTo?.name ?? "—"],
        ["Opened", <Time key="o" value={i.createdAt} />],
        ["Updated", <Time key="u" value={i.updatedAt} />],
        ["Caller emails", i.callerNotificationsSuppressed ? "Suppressed — the case owns the conversation" : "Sent"],
      ]}
      cases={view.cases} caseCount={i._count.cases} journal={view.journal} audit={view.audit} canPost={view.permissions.journal}
      post={postIncidentJournalAction.bind(null, i.number)}
    />
  );
}
