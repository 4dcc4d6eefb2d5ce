import { Attachments } from "@/components/cases/attachments/attachments";
import { PortalCaseDetails } from "@/components/portal/case-details";
import { PortalLiveComments } from "@/components/portal/live-comments";
import { PortalReplyForm } from "@/components/portal/reply-form";
import { PortalSolution } from "@/components/portal/solution-answer";
import { isCaseClosedForChanges } from "@/lib/domain/cases/lifecycle";
import { caseStates, labelOf } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { listAttachments } from "@/lib/server/attachments/service";
import { attachmentLimitMb } from "@/lib/server/attachments/store";
import { portalActor, readOr404 } from "@/lib/server/auth/page";
import { pageNumber, recordPageMetadata, type NumberPageProps } from "@/lib/server/page-params";
import { getPortalCase } from "@/lib/server/portal/cases";
import { listRelatedRecords } from "@/lib/server/portal/related";
import { RelatedRecords } from "@/components/portal/related-records";
import { WorkOrderRequest } from "@/components/portal/work-order-request";
import { PORTAL_CARD as card } from "@/components/portal/card";

export const generateMetadata = recordPageMetadata;

/**
 * POR-1 case page: the case, its additional comments live (never work notes, JRN-3), Reply/Send,
 * on a Resolved case Accept/Reject solution, on a Closed one the solution it closed with; Closed and
 * Cancelled cases are read-only. A case
 * outside the user's scope is the 404 page, exactly like a missing number (POR-4).
 */
export default async function PortalCasePage({ params }: NumberPageProps) {
  const actor = await portalActor();
  const number = await pageNumber({ params });
  const c = await readOr404(getPortalCase(actor, number));
  // Each read asks the scope again: a case moved out of it meanwhile is the 404 page too, not an error.
  const [related, files, limitMb] = await readOr404(
    Promise.all([listRelatedRecords(actor, c.number), listAttachments(actor, c.number), attachmentLimitMb()]),
  );
  const readOnly = isCaseClosedForChanges(c.state);
  return (
    <div className="space-y-4">
      <section className={card} aria-label="Case">
        <PortalCaseDetails {...c} />
      </section>
      <PortalSolution
        number={c.number}
        state={c.state}
        version={c.version}
        resolutionNotes={c.resolutionNotes}
        canAccept={c.canAccept}
      />
      <section className={card} aria-labelledby="comments-heading">
        <h2 id="comments-heading" className="mb-3 text-base font-semibold">
          Comments
        </h2>
        {readOnly ? (
          <p className="mb-4 text-sm text-slate-600">
            This case is {labelOf(caseStates, c.state)} and can no longer be changed.
          </p>
        ) : (
          <div className="mb-4">
            <PortalReplyForm number={c.number} state={c.state} version={c.version} limitMb={limitMb} />
          </div>
        )}
        <PortalLiveComments
          source={{ table: TABLE.case, number: c.number }}
          initial={c.timeline.entries}
          hasOlder={c.timeline.hasOlder}
        />
      </section>
      <section className={card} aria-labelledby="attachments-heading">
        <h2 id="attachments-heading" className="mb-3 text-base font-semibold">
          Attachments
        </h2>
        <Attachments
          caseNumber={c.number}
          page={files}
          canAttach={!readOnly}
          internal={false}
          limitMb={limitMb}
        />
      </section>
      <div className={card}>
        <RelatedRecords caseNumber={c.number} records={related} />
      </div>
      {c.canRequestWorkOrder && (
        <div className={card}>
          <WorkOrderRequest caseNumber={c.number} />
        </div>
      )}
    </div>
  );
}
