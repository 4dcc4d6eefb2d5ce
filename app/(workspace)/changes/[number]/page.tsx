import type { Metadata } from "next";
import { ChangeForm } from "@/components/itsm/change-form";
import { RecordPage } from "@/components/itsm/record-page";
import { Time } from "@/components/ui/time";
import { changeStates, changeTypes, incidentPriorities, labelOf } from "@/lib/domain/records/choices";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { getChangeView } from "@/lib/server/itsm/read";
import { postChangeJournalAction } from "../../records/actions";

type Props = { params: Promise<{ number: string }> };
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).number) };
}

export default async function ChangePage({ params }: Props) {
  const actor = await workspaceActor();
  const number = decodeURIComponent((await params).number);
  const v = await readOr404(getChangeView(actor, number));
  const c = v.record;
  return (
    <RecordPage
      kind={`${labelOf(changeTypes, c.type)} change`} number={c.number} shortDescription={c.shortDescription} stateLabel={labelOf(changeStates, c.state)}
      details={<ChangeForm writable={v.permissions.write} states={v.states as { value: number; label: string }[]} data={{ number: c.number, version: c.version, shortDescription: c.shortDescription, description: c.description, state: c.state, impact: c.impact, urgency: c.urgency, plannedStart: c.plannedStart?.toISOString() ?? null, plannedEnd: c.plannedEnd?.toISOString() ?? null, closeCode: c.closeCode, closeNotes: c.closeNotes }} />}
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
      cases={v.cases} caseCount={v.caseCount} journal={v.journal} audit={v.audit} canPost={v.permissions.journal} post={postChangeJournalAction.bind(null, c.number)}
    />
  );
}
