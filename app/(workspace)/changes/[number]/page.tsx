import { ChangeForm } from "@/components/itsm/change-form";
import { RecordPage } from "@/components/itsm/record-page";
import { Time } from "@/components/ui/time";
import { changeStates, changeTypes, incidentPriorities, labelOf } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { getChangeView } from "@/lib/server/itsm/read";
import { postChangeJournalAction } from "../../itsm/actions";
import { pageNumber, recordPageMetadata, type NumberPageProps } from "@/lib/server/page-params";

export const generateMetadata = recordPageMetadata;

export default async function ChangePage({ params }: NumberPageProps) {
  const actor = await workspaceActor();
  const number = await pageNumber({ params });
  const v = await readOr404(getChangeView(actor, number));
  const c = v.record;
  return (
    <RecordPage
      kind={`${labelOf(changeTypes, c.type)} change`}
      table={TABLE.change}
      number={c.number}
      version={c.version}
      actor={actor}
      shortDescription={c.shortDescription}
      stateLabel={labelOf(changeStates, c.state)}
      details={
        <ChangeForm
          writable={v.permissions.write}
          states={v.states}
          data={{
            number: c.number,
            version: c.version,
            shortDescription: c.shortDescription,
            description: c.description,
            state: c.state,
            impact: c.impact,
            urgency: c.urgency,
            plannedStart: c.plannedStart?.toISOString() ?? null,
            plannedEnd: c.plannedEnd?.toISOString() ?? null,
            closeCode: c.closeCode,
            closeNotes: c.closeNotes,
          }}
        />
      }
      facts={[
        ["Type", labelOf(changeTypes, c.type)],
        ...(c.template ? [["Template", c.template.name] as [string, React.ReactNode]] : []),
        ["Priority", labelOf(incidentPriorities, c.priority)],
        ["Company", c.company?.name ?? "—"],
        ["Caller", c.caller?.name ?? "—"],
        ["Requested by", c.requestedBy?.name ?? "—"],
        ["Opened", <Time key="o" value={c.createdAt} />],
        ["Updated", <Time key="u" value={c.updatedAt} />],
      ]}
      cases={v.cases}
      caseCount={v.caseCount}
      journal={v.journal}
      audit={v.audit}
      canPost={v.permissions.journal}
      post={postChangeJournalAction.bind(null, c.number)}
    />
  );
}
