import Link from "@/components/ui/link";
import { RecordPage } from "@/components/itsm/record-page";
import { Badge, priorityTone } from "@/components/ui/badge";
import { Section } from "@/components/ui/section";
import { Time } from "@/components/ui/time";
import { WorkOrderForm } from "@/components/work-orders/work-order-form";
import { WorkOrderTasks } from "@/components/work-orders/tasks";
import { formatWindow } from "@/lib/domain/time-format";
import { casePriorities, caseStates, labelOf } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import {
  accountOptions,
  assetOptions,
  assigneeOptions,
  contactOptions,
  partnerOptions,
} from "@/lib/server/lookup/choices";
import { pageNumber, recordPageMetadata, type NumberPageProps } from "@/lib/server/page-params";
import { getWorkOrderView } from "@/lib/server/work-orders/read";
import { postWorkOrderJournalAction } from "../actions";

export const generateMetadata = recordPageMetadata;

type Named = { id: number; name: string | null } | null;
const ref = (r: Named) => (r ? { id: r.id, label: r.name ?? String(r.id) } : null);

/** FSM-3: the work order — its fields and Case view, case, tasks and appointments, work notes, history. */
export default async function WorkOrderPage({ params }: NumberPageProps) {
  const actor = await workspaceActor();
  const number = await pageNumber({ params });
  const v = await readOr404(getWorkOrderView(actor, number));
  const w = v.record;
  const [accounts, partners, contacts, assets, partnerContacts, assignees] = await Promise.all([
    accountOptions(),
    partnerOptions(w.accountId),
    contactOptions(w.accountId),
    assetOptions(w.accountId),
    contactOptions(w.partnerId),
    assigneeOptions(),
  ]);
  return (
    <RecordPage
      kind="Work Order"
      table={TABLE.workOrder}
      number={w.number}
      version={w.version}
      actor={actor}
      shortDescription={w.shortDescription}
      stateLabel={w.state}
      badges={<Badge tone={priorityTone(w.priority)}>{labelOf(casePriorities, w.priority)}</Badge>}
      details={
        <WorkOrderForm
          writable={v.permissions.write}
          data={{
            number: w.number,
            version: w.version,
            shortDescription: w.shortDescription,
            description: w.description,
            state: w.state,
            priority: w.priority,
            account: ref(w.account),
            company: ref(w.company),
            contact: ref(w.contact),
            caller: ref(w.caller),
            consumer: ref(w.consumer),
            asset: w.asset ? { id: w.asset.id, label: w.asset.name } : null,
            partner: ref(w.partner),
            partnerContact: ref(w.partnerContact),
          }}
          choices={{ states: v.states, accounts, partners, contacts, assets, partnerContacts }}
        />
      }
      extra={
        <Section title="Tasks" id="tasks">
          <WorkOrderTasks
            number={w.number}
            version={w.version}
            tasks={w.tasks.map((t) => ({
              number: t.number,
              version: t.version,
              shortDescription: t.shortDescription,
              state: t.state,
              assignedTo: t.assignedTo,
              windowStart: t.windowStart,
              windowEnd: t.windowEnd,
              windowText: formatWindow(t.windowStart, t.windowEnd),
            }))}
            taskStates={v.taskStates}
            assignees={assignees}
            writable={v.permissions.write}
            schedulable={v.permissions.schedule}
            offersClosing={v.offersClosing}
          />
        </Section>
      }
      facts={[
        [
          "Case",
          w.case ? (
            <Link key="c" className="cf-link" href={`/cases/${w.case.number}`}>
              {w.case.number}
            </Link>
          ) : (
            "—"
          ),
        ],
        ["Case state", w.case ? labelOf(caseStates, w.case.state) : "—"],
        ["Opened by", w.openedBy?.name ?? "—"],
        ["Opened", <Time key="o" value={w.createdAt} />],
        ["Updated", <Time key="u" value={w.updatedAt} />],
        ["Closed", <Time key="x" value={w.closedAt} />],
      ]}
      journal={v.journal}
      audit={v.audit}
      canPost={v.permissions.journal}
      comments={false}
      post={postWorkOrderJournalAction.bind(null, w.number)}
    />
  );
}
