import { headers } from "next/headers";
import { AuditHistory } from "@/components/audit/history";
import { MENU_ITEM } from "@/lib/domain/cases/menu";
import { AdditionalActions } from "@/components/cases/additional-actions";
import { Attachments } from "@/components/cases/attachments/attachments";
import { ChildCases } from "@/components/major/child-cases";
import { MajorBanner } from "@/components/major/major-banner";
import { CaseForm } from "@/components/cases/case-form";
import { UnsavedDetailsGuard } from "@/components/cases/unsaved-details";
import { CaseSummary } from "@/components/cases/case-summary";
import { LifecycleBar } from "@/components/cases/lifecycle-bar";
import { RelatedRecords } from "@/components/cases/related-records";
import { RequestsList } from "@/components/cases/requests-list";
import { WorkOrdersList } from "@/components/cases/work-orders-list";
import { CaseTitle } from "@/components/cases/case-title";
import { LiveActivity } from "@/components/journal/activity";
import { ConflictBanner } from "@/components/journal/conflict-banner";
import { initialTimeline } from "@/lib/domain/journal/items";
import { LiveRecord } from "@/components/journal/live-record";
import { Section } from "@/components/ui/section";
import { casePriorities, caseStates, labelOf } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { getCaseView } from "@/lib/server/cases/view";
import { groupOptions } from "@/lib/server/assignment/read";
import { accountOptions, assigneeOptions, templateOptions } from "@/lib/server/lookup/choices";
import { postCaseJournalAction } from "../actions";
import { pageNumber, recordPageMetadata, type NumberPageProps } from "@/lib/server/page-params";

export const generateMetadata = recordPageMetadata;

const ref = (r: { id: number; name?: string | null; number?: string } | null) =>
  r ? { id: r.id, label: r.name ?? r.number ?? String(r.id) } : null;

export default async function CasePage({ params }: NumberPageProps) {
  const actor = await workspaceActor();
  const number = await pageNumber({ params });
  // WRK-3: a server action's answer re-renders this page; only a view opens the case.
  const opened = !(await headers()).has("next-action");
  const view = await readOr404(getCaseView(actor, number, { opened }));
  const c = view.record;
  // The option lists every case shares (cached a few seconds per process: lookup/choices.ts); the
  // case's own — its account's contacts, assets and partners, its group's members — came with the view.
  const [accounts, partners, groups, allAssignees, templates] = await Promise.all([
    accountOptions(),
    view.options.partners === undefined ? accountOptions({ partnersOnly: true }) : view.options.partners,
    groupOptions(),
    view.options.members ? null : assigneeOptions("case"),
    view.menu.includes(MENU_ITEM.createStandardChange) ? templateOptions() : [],
  ]);
  const { slas, attachments: files, attachmentLimitMb: limitMb, options } = view;
  // ITSM-1: Create Standard Change is offered only where an approved template exists to pick (the
  // service refuses without one): an install without templates offered a dialog that could not work.
  const menu = templates.length ? view.menu : view.menu.filter((i) => i !== MENU_ITEM.createStandardChange);
  const stateLabel = labelOf(caseStates, c.state);
  const page = (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <CaseTitle
          number={c.number}
          shortDescription={c.shortDescription}
          stateLabel={stateLabel}
          priority={c.priority}
          priorityLabel={labelOf(casePriorities, c.priority)}
          accountName={c.account?.name ?? null}
          slas={slas}
        />
        {/* data-case-change: a click here changes the case (UnsavedDetailsGuard holds it). */}
        <div className="flex items-start gap-2" data-case-change>
          <LifecycleBar
            key={c.version}
            number={c.number}
            version={c.version}
            actions={view.actions.map((a) => ({ id: a.id, label: a.label }))}
            suggestion={view.suggestion ?? undefined}
            withheldCodes={view.withheldCodes}
          />
          <AdditionalActions
            key={`menu-${c.version}`}
            number={c.number}
            items={menu}
            templates={templates}
            incident={c.incident?.number ?? null}
          />
        </div>
      </div>
      <ConflictBanner noun="case" />
      {view.permissions.write && <UnsavedDetailsGuard />}
      <div data-case-change>
        <MajorBanner
          number={c.number}
          majorCaseState={c.majorCaseState}
          businessImpact={c.businessImpact}
          rejectionReason={c.majorCaseReason}
          parent={c.parent}
          childCount={c.childCount}
          canDecide={view.permissions.decideMajor}
        />
      </div>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          <Section title="Details">
            <CaseForm
              writable={view.permissions.write}
              data={{
                number: c.number,
                version: c.version,
                shortDescription: c.shortDescription,
                description: c.description,
                state: c.state,
                priority: c.priority,
                impact: c.impact,
                urgency: c.urgency,
                channel: c.channel,
                resolutionCode: c.resolutionCode,
                resolutionNotes: c.resolutionNotes,
                account: ref(c.account),
                contact: ref(c.contact),
                consumer: ref(c.consumer),
                asset: ref(c.asset),
                partner: ref(c.partner),
                partnerContact: ref(c.partnerContact),
                assignmentGroup: options.group,
                assignedTo: ref(c.assignedTo),
              }}
              choices={{
                states: view.states,
                accounts,
                partners,
                groups,
                assignees: options.members ?? allAssignees,
                contacts: options.contacts,
                assets: options.assets,
                partnerContacts: options.partnerContacts,
                withheldCodes: view.withheldCodes,
              }}
            />
          </Section>
          {view.children && (
            <Section title="Child Cases" id="child-cases">
              <ChildCases
                number={c.number}
                rows={view.children.rows}
                total={view.children.total}
                manage={view.permissions.manageChildren}
                canAdd={view.permissions.addChildren}
              />
            </Section>
          )}
          {view.plugins.serviceManagement && (
            <Section title="Related Records" id="related-records">
              <div data-case-change>
                <RelatedRecords
                  caseNumber={c.number}
                  version={c.version}
                  editable={view.permissions.editRelated}
                  editIncident={view.permissions.linksIncidents}
                  seesIncidents={view.permissions.seesIncidents}
                  incident={c.incident ?? null}
                  problem={c.problem}
                  change={c.change}
                  causedBy={c.causedBy}
                />
              </div>
            </Section>
          )}
          {view.plugins.requestManagement && (
            <Section title="Requests" id="requests">
              <RequestsList rows={view.requests} />
            </Section>
          )}
          {view.workOrders && (
            <Section title="Work Orders" id="work-orders">
              <WorkOrdersList rows={view.workOrders} />
            </Section>
          )}
          <Section title="Attachments" id="attachments">
            <Attachments
              caseNumber={c.number}
              page={files}
              canAttach={view.permissions.journal}
              internal
              limitMb={limitMb}
            />
          </Section>
          <Section title="Activity" id="activity">
            <LiveActivity
              post={view.permissions.journal ? postCaseJournalAction.bind(null, c.number) : null}
              attachTo={{ caseNumber: c.number, limitMb }}
            />
          </Section>
        </div>
        <aside className="space-y-4">
          <Section title="Summary">
            <CaseSummary
              openedBy={c.openedBy?.name ?? null}
              createdAt={c.createdAt}
              updatedAt={c.updatedAt}
              resolvedAt={c.resolvedAt}
              closedAt={c.closedAt}
            />
          </Section>
          <Section title="History">
            <AuditHistory rows={view.audit} />
          </Section>
        </aside>
      </div>
    </div>
  );
  // The page keeps itself live (new journal entries, saves by others) through one poll.
  return (
    <LiveRecord
      source={{ table: TABLE.case, number: c.number }}
      version={c.version}
      initial={initialTimeline(view.journal, actor)}
    >
      {page}
    </LiveRecord>
  );
}
