import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { WorkOrderTasks } from "@/components/portal/work-order-tasks";
import { formatWindow } from "@/lib/domain/time-format";
import { casePriorities, labelOf } from "@/lib/domain/records/choices";
import { readOr404 } from "@/lib/server/auth/page";
import { pageNumber, recordPageMetadata, type NumberPageProps } from "@/lib/server/page-params";
import { portalActor } from "@/lib/server/auth/page";
import { getExternalWorkOrder } from "@/lib/server/work-orders/external";

export const generateMetadata = (props: NumberPageProps): Promise<Metadata> => recordPageMetadata(props);

/**
 * POR-3 / FSM-5: a work order's customer-safe details and its tasks with appointment windows. A
 * number outside the user's scope is the 404 page, exactly as one that does not exist (POR-4).
 */
export default async function PortalWorkOrderPage(props: NumberPageProps) {
  const actor = await portalActor();
  const w = await readOr404(getExternalWorkOrder(actor, await pageNumber(props)));
  return (
    <div className="mx-auto max-w-3xl space-y-4 p-3 sm:p-6">
      <p className="text-sm">
        <Link className="cf-link" href="/portal/work-orders">
          Work Orders
        </Link>
      </p>
      <h1 className="text-xl font-semibold break-words">
        {w.number}: {w.shortDescription}
      </h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md border border-slate-200 bg-white p-3 text-sm">
        <dt className="font-semibold text-slate-600">State</dt>
        <dd>{w.state}</dd>
        <dt className="font-semibold text-slate-600">Priority</dt>
        <dd>{labelOf(casePriorities, w.priority)}</dd>
        <dt className="font-semibold text-slate-600">Case</dt>
        <dd>
          <Link className="cf-link" href={`/portal/cases/${w.caseNumber}`}>
            {w.caseNumber}
          </Link>
        </dd>
        {w.accountName && (
          <>
            <dt className="font-semibold text-slate-600">Account</dt>
            <dd>{w.accountName}</dd>
          </>
        )}
        {w.description && (
          <>
            <dt className="font-semibold text-slate-600">Description</dt>
            <dd className="break-words whitespace-pre-line">{w.description}</dd>
          </>
        )}
      </dl>
      <WorkOrderTasks
        tasks={w.tasks.map((t) => ({
          ...t,
          windowText: formatWindow(t.windowStart, t.windowEnd, { zone: true }),
        }))}
      />
    </div>
  );
}
