import type { Metadata } from "next";
import Link from "next/link";
import { RecordPage } from "@/components/itsm/record-page";
import { RequestForm } from "@/components/itsm/request-form";
import { Section } from "@/components/ui/section";
import { Time } from "@/components/ui/time";
import { labelOf, requestStates } from "@/lib/domain/records/choices";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { getRequestView } from "@/lib/server/itsm/read";
import { postRequestJournalAction } from "../../records/actions";

type Props = { params: Promise<{ number: string }> };
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).number) };
}

export default async function RequestPage({ params }: Props) {
  const actor = await workspaceActor();
  const number = decodeURIComponent((await params).number);
  const v = await readOr404(getRequestView(actor, number));
  const r = v.record;
  return (
    <RecordPage
      kind="Request" number={r.number} shortDescription={r.shortDescription} stateLabel={labelOf(requestStates, r.state)}
      details={<RequestForm writable={v.permissions.write} states={v.states as { value: string; label: string }[]} data={{ number: r.number, version: r.version, shortDescription: r.shortDescription, description: r.description, state: r.state }} />}
      extra={
        <Section title="Items">
          {r.items.length ? (
            <ul className="divide-y divide-slate-100 text-sm">{r.items.map((i) => <li key={i.id} className="flex justify-between py-1.5"><span>{i.name}</span><span className="text-slate-500">× {i.quantity}</span></li>)}</ul>
          ) : <p className="text-sm text-slate-500">No items.</p>}
        </Section>
      }
      facts={[
        ["Requested for", r.requestedFor?.name ?? "—"],
        ["Case", r.case ? <Link key="c" className="cf-link" href={`/cases/${r.case.number}`}>{r.case.number}</Link> : "—"],
        ["Opened by", r.openedBy?.name ?? "—"],
        ["Opened", <Time key="o" value={r.createdAt} />],
        ["Updated", <Time key="u" value={r.updatedAt} />],
      ]}
      cases={v.cases} caseCount={v.caseCount} journal={v.journal} audit={v.audit} canPost={v.permissions.journal} post={postRequestJournalAction.bind(null, r.number)}
    />
  );
}
