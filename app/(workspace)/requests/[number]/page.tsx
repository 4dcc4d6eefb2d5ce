import Link from "@/components/ui/link";
import { RecordPage } from "@/components/itsm/record-page";
import { RequestForm } from "@/components/itsm/request-form";
import { Section } from "@/components/ui/section";
import { Time } from "@/components/ui/time";
import { labelOf, requestStates } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { getRequestView } from "@/lib/server/itsm/read";
import { postRequestJournalAction } from "../../itsm/actions";
import { pageNumber, recordPageMetadata, type NumberPageProps } from "@/lib/server/page-params";

export const generateMetadata = recordPageMetadata;

export default async function RequestPage({ params }: NumberPageProps) {
  const actor = await workspaceActor();
  const number = await pageNumber({ params });
  const v = await readOr404(getRequestView(actor, number));
  const r = v.record;
  return (
    <RecordPage
      kind="Request"
      table={TABLE.request}
      number={r.number}
      version={r.version}
      actor={actor}
      shortDescription={r.shortDescription}
      stateLabel={labelOf(requestStates, r.state)}
      details={
        <RequestForm
          writable={v.permissions.write}
          states={v.states}
          data={{
            number: r.number,
            version: r.version,
            shortDescription: r.shortDescription,
            description: r.description,
            state: r.state,
          }}
        />
      }
      extra={
        <Section title="Items">
          {r.items.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {r.items.map((i) => (
                <li key={i.id} className="flex justify-between py-1.5">
                  <span>{i.name}</span>
                  <span className="text-slate-500">× {i.quantity}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">No items.</p>
          )}
        </Section>
      }
      facts={[
        ["Requested for", r.requestedFor?.name ?? "—"],
        [
          "Case",
          r.case ? (
            <Link key="c" className="cf-link" href={`/cases/${r.case.number}`}>
              {r.case.number}
            </Link>
          ) : (
            "—"
          ),
        ],
        ["Opened by", r.openedBy?.name ?? "—"],
        ["Opened", <Time key="o" value={r.createdAt} />],
        ["Updated", <Time key="u" value={r.updatedAt} />],
      ]}
      cases={v.cases}
      caseCount={v.caseCount}
      journal={v.journal}
      audit={v.audit}
      canPost={v.permissions.journal}
      post={postRequestJournalAction.bind(null, r.number)}
    />
  );
}
