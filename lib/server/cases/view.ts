import "server-only";
import {
  canLinkItsm,
  canReadCases,
  canReadIncidents,
  canWriteCases,
  isMajorIssueManager,
  type Actor,
} from "@/lib/domain/auth/roles";
import { forbidden, notFound } from "@/lib/domain/errors";
import { caseActionsFor, editableCaseStates, isCaseClosedForChanges } from "@/lib/domain/cases/lifecycle";
import { caseMenu, linksIncidents } from "@/lib/domain/cases/menu";
import { MajorCaseState, OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { resolutionCodesWithheld, suggestResolution } from "@/lib/domain/cases/resolution-codes";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { TABLE } from "@/lib/domain/records/tables";
import { propertyDef, PROPERTY } from "@/lib/domain/properties/catalog";
import { readInteger } from "@/lib/domain/properties/values";
import { selectOrTypeahead } from "@/lib/domain/pickers/select-limit";
import { activePlugins } from "../plugins/read";
import { readCasePage } from "./page-read";
import { attachmentsOf, auditOf, caseRecordOf, journalOf, slasOf } from "./view-record";
import { clearCustomerReplied } from "@/lib/server/tables/case";

/**
 * Everything the case page shows, permission-checked; a fixed number of queries. `opened`: the
 * page is being viewed (a GET), not re-rendered to answer a server action — only a view clears
 * WRK-3's mark (the answer to a Save can still be rendering when the agent has moved on, and would
 * clear a reply that arrived meanwhile, unseen: an e2e run under load caught it).
 */
export async function getCaseView(actor: Actor, number: string, { opened = true } = {}) {
  if (!canReadCases(actor)) throw forbidden();
  const seesIncidents = canReadIncidents(actor);
  // PERF-8: the case and everything the page shows about it in one statement (./page-read.ts).
  const [doc, plugins] = await Promise.all([readCasePage(number), activePlugins()]);
  if (!doc) throw notFound(`Case ${number}`);
  const record = caseRecordOf(doc);
  const isMajor = record.majorCaseState === MajorCaseState.Accepted;
  // WRK-3: the assignee has opened the case — the "Customer replied" mark is cleared (only then:
  // the statement runs only while the mark is set, and a reply written meanwhile sets it again).
  if (opened && record.customerRepliedAt && record.assignedToId === actor.id)
    await clearCustomerReplied(record.id, record.customerRepliedAt);
  const requests = plugins.has(PLUGIN.requestManagement)
    ? doc.requests.map(({ requestedFor, ...r }) => ({
        ...r,
        updatedAt: new Date(r.updatedAt),
        requestedFor: requestedFor === null ? null : { name: requestedFor },
      }))
    : [];
  const writable = canWriteCases(actor) && !isCaseClosedForChanges(record.state);
  const actions = writable ? caseActionsFor(record.state) : [];
  const itsmActive = plugins.has(PLUGIN.serviceManagement);
  // ITSM-4: when a related record has closed, offer the matching resolution (the agent confirms).
  const suggestion = actions.some((a) => a.id === "propose_solution")
    ? suggestResolution(record.state, {
        incident: seesIncidents && itsmActive ? record.incident : null,
        problem: itsmActive && record.problem ? { ...record.problem, workaround: "" } : null,
        change: itsmActive ? record.change : null,
        requests: plugins.has(PLUGIN.requestManagement) ? requests : [],
      })
    : null;
  return {
    record: seesIncidents ? record : { ...record, incidentId: null, incident: null },
    journal: journalOf(doc),
    audit: auditOf(TABLE.case, doc, seesIncidents),
    permissions: {
      write: writable,
      // SPEC §1: no composer on a Closed or Cancelled case (postCaseJournal refuses it too).
      journal: writable,
      seesIncidents,
      linksIncidents: linksIncidents(actor, record),
      // ITSM-2 / MAJ-3: the Related Records fields can be edited here, unless this is a child case.
      editRelated:
        writable &&
        itsmActive &&
        record.parentId === null &&
        OPEN_CASE_STATES.includes(record.state) &&
        (canLinkItsm(actor) || linksIncidents(actor, record)),
      linksItsm: canLinkItsm(actor),
      // MAJ-1 / MAJ-2: the manager's decisions and children.
      // Only an open candidate can be accepted (a Closed or Cancelled one is refused either way).
      decideMajor:
        record.majorCaseState === MajorCaseState.Proposed &&
        isMajorIssueManager(actor) &&
        OPEN_CASE_STATES.includes(record.state),
      manageChildren: isMajor && isMajorIssueManager(actor) && writable,
      // MAJ-2: a Resolved major case takes no new children (addChildCase refuses it).
      addChildren:
        isMajor && isMajorIssueManager(actor) && writable && OPEN_CASE_STATES.includes(record.state),
    },
    children: isMajor
      ? {
          rows: doc.children.map(({ account, replied, ...k }) => ({
            ...k,
            account: account === null ? null : { name: account },
            replied: Number(replied) === 1,
          })),
          total: record.childCount,
        }
      : null,
    plugins: { serviceManagement: itsmActive, requestManagement: plugins.has(PLUGIN.requestManagement) },
    requests,
    /** FSM-3: null while the Field Service plugin is off (the section disappears). */
    workOrders: plugins.has(PLUGIN.fieldService) ? doc.workOrders : null,
    /** NOT-5 */
    slas: slasOf(doc),
    /** NOT-4 */
    attachments: attachmentsOf(doc),
    attachmentLimitMb: readInteger(
      doc.attachmentMaxMb ?? undefined,
      Number(propertyDef(PROPERTY.attachmentMaxMb)?.defaultValue ?? 0),
    ),
    /**
     * The options of the fields that depend on this case (its account, partner and group); null
     * where there are more than a select lists: that field is a typeahead.
     */
    options: {
      contacts: selectOrTypeahead(doc.contactOptions),
      assets: selectOrTypeahead(doc.assetOptions),
      /** Undefined without an account: then every partner is offered (the page's cached list). */
      partners: record.accountId ? selectOrTypeahead(doc.partnerOptions) : undefined,
      partnerContacts: selectOrTypeahead(doc.partnerContactOptions),
      members: record.assignmentGroupId ? doc.memberOptions : null,
      group: doc.group ? { id: doc.group.id, label: doc.group.name } : null,
    },
    suggestion,
    /** ITSM-5: the resolution codes of the active plugins (and the one the case has). */
    withheldCodes: resolutionCodesWithheld(plugins, record.resolutionCode),
    actions,
    menu: canWriteCases(actor) ? caseMenu(actor, record, plugins) : [],
    states: editableCaseStates(record.state),
  };
}
export type CaseView = Awaited<ReturnType<typeof getCaseView>>;
