import Link from "@/components/ui/link";
import { ProblemForm } from "@/components/itsm/problem-form";
import { RecordPage } from "@/components/itsm/record-page";
import { Time } from "@/components/ui/time";
import { incidentPriorities, labelOf, problemStates } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { getProblemView } from "@/lib/server/itsm/read";
import { postProblemJournalAction } from "../../itsm/actions";
import { pageNumber, recordPageMetadata, type NumberPageProps } from "@/lib/server/page-params";

export const generateMetadata = recordPageMetadata;

export default async function ProblemPage({ params }: NumberPageProps) {
  const actor = await workspaceActor();
  const number = await pageNumber({ params });
  const v = await readOr404(getProblemView(actor, number));
  const p = v.record;
  return (
    <RecordPage
      kind="Problem"
      table={TABLE.problem}
      number={p.number}
      version={p.version}
      actor={actor}
      shortDescription={p.shortDescription}
      stateLabel={labelOf(problemStates, p.state)}
      details={
        <ProblemForm
          writable={v.permissions.write}
          states={v.states}
          data={{
            number: p.number,
            version: p.version,
            shortDescription: p.shortDescription,
            description: p.description,
            state: p.state,
            impact: p.impact,
            urgency: p.urgency,
            workaround: p.workaround,
            causeNotes: p.causeNotes,
            fixNotes: p.fixNotes,
            resolutionCode: p.resolutionCode,
            resolutionNotes: p.resolutionNotes,
          }}
        />
      }
      facts={[
        ["Priority", labelOf(incidentPriorities, p.priority)],
        ["Company", p.company?.name ?? "—"],
        ["Asset", p.asset?.name ?? "—"],
        [
          "First reported by",
          p.firstReportedBy ? (
            <Link key="f" className="cf-link" href={`/cases/${p.firstReportedBy.number}`}>
              {p.firstReportedBy.number}
            </Link>
          ) : (
            "—"
          ),
        ],
        ["Opened by", p.openedBy?.name ?? "—"],
        ["Opened", <Time key="o" value={p.createdAt} />],
        ["Updated", <Time key="u" value={p.updatedAt} />],
      ]}
      cases={v.cases}
      caseCount={v.caseCount}
      journal={v.journal}
      audit={v.audit}
      canPost={v.permissions.journal}
      post={postProblemJournalAction.bind(null, p.number)}
    />
  );
}
