import { AffectedAccounts } from "@/components/incidents/affected-accounts";
import { IncidentForm } from "@/components/incidents/incident-form";
import { Section } from "@/components/ui/section";
import { RecordPage } from "@/components/itsm/record-page";
import { Badge, priorityTone } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { canNotifyCustomers } from "@/lib/domain/proactive/notify";
import { incidentPriorities, incidentStates, labelOf } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { getIncidentView } from "@/lib/server/incidents/read";
import { postIncidentJournalAction } from "../actions";
import {
  addAffectedAccountAction,
  createProactiveCasesAction,
  removeAffectedAccountAction,
} from "../proactive/actions";
import { listAffectedAccounts } from "@/lib/server/proactive/accounts";
import { assignmentChoices } from "@/lib/server/assignment/read";
import { pageNumber, recordPageMetadata, type NumberPageProps } from "@/lib/server/page-params";

export const generateMetadata = recordPageMetadata;

export default async function IncidentPage({ params }: NumberPageProps) {
  const actor = await workspaceActor();
  const number = await pageNumber({ params });
  const view = await readOr404(getIncidentView(actor, number));
  const i = view.record;
  const [affected, assignment] = await Promise.all([
    listAffectedAccounts(i.id, i.proactiveMajorCaseId),
    assignmentChoices(i.assignmentGroupId, "incident"),
  ]);
  return (
    <RecordPage
      kind="Incident"
      table={TABLE.incident}
      number={i.number}
      version={i.version}
      actor={actor}
      shortDescription={i.shortDescription}
      stateLabel={labelOf(incidentStates, i.state)}
      badges={<Badge tone={priorityTone(i.priority)}>{labelOf(incidentPriorities, i.priority)}</Badge>}
      details={
        <IncidentForm
          writable={view.permissions.write}
          states={view.states}
          data={{
            number: i.number,
            version: i.version,
            shortDescription: i.shortDescription,
            description: i.description,
            state: i.state,
            onHoldReason: i.onHoldReason,
            impact: i.impact,
            urgency: i.urgency,
            priority: i.priority,
            resolutionCode: i.resolutionCode,
            resolutionNotes: i.resolutionNotes,
            assignmentGroup: assignment.group,
            assignedTo: i.assignedTo ? { id: i.assignedTo.id, label: i.assignedTo.name } : null,
          }}
          choices={{ groups: assignment.groups, assignees: assignment.assignees }}
        />
      }
      facts={[
        ["Caller", i.caller ? `${i.caller.name}${i.caller.kind !== "internal" ? " (external)" : ""}` : "—"],
        ["Company", i.company?.name ?? "—"],
        ["Asset", i.asset?.name ?? "—"],
        ["Opened", <Time key="o" value={i.createdAt} />],
        ["Updated", <Time key="u" value={i.updatedAt} />],
        [
          "Caller emails",
          i.callerNotificationsSuppressed
            ? "Suppressed — the case owns the conversation"
            : i.caller
              ? "Sent"
              : "None (no caller)",
        ],
      ]}
      extra={
        <Section title="Affected accounts" id="affected-accounts">
          <AffectedAccounts
            incidentId={i.id}
            data={affected}
            writable={view.permissions.write}
            add={addAffectedAccountAction.bind(null, i.number)}
            remove={removeAffectedAccountAction.bind(null, i.number)}
            create={createProactiveCasesAction.bind(null, i.number)}
          />
        </Section>
      }
      cases={view.cases}
      caseCount={i._count.cases}
      notify={canNotifyCustomers(actor)}
      journal={view.journal}
      audit={view.audit}
      canPost={view.permissions.journal}
      post={postIncidentJournalAction.bind(null, i.number)}
    />
  );
}
