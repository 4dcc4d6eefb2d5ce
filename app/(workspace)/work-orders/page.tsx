import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { RecordList } from "@/components/itsm/record-list";
import { Badge, priorityTone } from "@/components/ui/badge";
import { casePriorities, labelOf, workOrderStates } from "@/lib/domain/records/choices";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { listWorkOrders, WORK_ORDER_PAGE_SIZE } from "@/lib/server/work-orders/read";

export const metadata: Metadata = { title: "Work Orders" };

const STATE_FILTER = [
  { value: "open", label: "Open" },
  { value: "all", label: "All" },
  ...workOrderStates.map((s) => ({ value: s.value, label: s.label })),
];

/** FSM-3: every work order, open ones first by default; search, state filter, paging. */
export default async function WorkOrdersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; state?: string; page?: string }>;
}) {
  const actor = await workspaceActor();
  const sp = await searchParams;
  const state = STATE_FILTER.find((s) => s.value === sp.state)?.value ?? "open";
  const list = await readOr404(listWorkOrders(actor, { q: sp.q, state, page: Number(sp.page) || 1 }));
  return (
    <RecordList
      title="Work Orders"
      path="/work-orders/"
      rows={list.rows}
      total={list.total}
      page={list.page}
      pageSize={WORK_ORDER_PAGE_SIZE}
      q={sp.q ?? ""}
      states={{ value: state, options: STATE_FILTER }}
      columns={[
        {
          header: "Priority",
          cell: (r) => <Badge tone={priorityTone(r.priority)}>{labelOf(casePriorities, r.priority)}</Badge>,
        },
        {
          header: "Case",
          cell: (r) =>
            r.caseNumber ? (
              <Link className="cf-link" href={`/cases/${r.caseNumber}`}>
                {r.caseNumber}
              </Link>
            ) : (
              "—"
            ),
        },
        { header: "Account", cell: (r) => r.accountName ?? "—" },
      ]}
    />
  );
}
