import "server-only";
import {
  canLinkItsm,
  canReadCases,
  canReadIncidents,
  canWriteCases,
  isMajorIssueManager,
  type Actor,
} from "@/lib/domain/auth/roles";
import { MajorCaseState } from "@/lib/domain/major/proposal";
import { forbidden, notFound } from "@/lib/domain/errors";
import { caseActionsFor, caseLifecycle, isCaseClosedForChanges } from "@/lib/domain/cases/lifecycle";
import { caseMenu, linksIncidents } from "@/lib/domain/cases/menu";
import { OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { suggestResolution } from "@/lib/domain/cases/resolution-codes";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { selectableStates } from "@/lib/domain/records/state-machine";
import { TABLE } from "@/lib/domain/records/tables";
import { auditRefs, describeAudit } from "../audit/describe";
import { listAudit } from "../audit/read";
import { db } from "@/lib/db";
import { listJournal } from "../journal/read";
import { activePlugins } from "../plugins/read";
import { listChildren } from "../major/children";
import { caseWorkOrders } from "../work-orders/read";
import { caseRefs, loadCaseRow, withReferences } from "./record-query";

/**
 * The case's requests with the requester's name, in one statement (Prisma reads a relation with a
 * second one, even when there are no requests: PERF-1).
 */
async function caseRequests(caseId: number) {
  const rows = await db().$queryRaw<
    {
      id: number;
      number: string;
      shortDescription: string;
      state: string;
      updatedAt: Date;
      name: string | null;
    }[]
  >`SELECT r."id", r."number", r."shortDescription", r."state", r."updatedAt", u."name"
    FROM "Request" r LEFT JOIN "User" u ON u."id" = r."requestedForId"
    WHERE r."caseId" = ${caseId} ORDER BY r."id" ASC LIMIT 100`;
  return rows.map(({ name, ...r }) => ({
    ...r,
    id: Number(r.id),
    updatedAt: new Date(r.updatedAt),
    requestedFor: name === null ? null : { name },
  }));
}

/** Everything the case page shows, permission-checked; a fixed number of queries. */
export async function getCaseView(actor: Actor, number: string) {
  if (!canReadCases(actor)) throw forbidden();
  const seesIncidents = canReadIncidents(actor);
  const found = await loadCaseRow(number);
  if (!found) throw notFound(`Case ${number}`);
  const isMajor = found.row.majorCaseState === MajorCaseState.Accepted;
  const plugins = await activePlugins();
  const [journal, audit, requests, children, workOrders] = await Promise.all([
    listJournal(TABLE.case, found.row.id, { includeWorkNotes: true }),
    listAudit(TABLE.case, found.row.id).then((rows) =>
      seesIncidents ? rows : rows.filter((a) => a.field !== "incidentId"),
    ),
    plugins.has(PLUGIN.requestManagement) ? caseRequests(found.row.id) : [],
    isMajor ? listChildren(actor, found.row.id) : null,
    plugins.has(PLUGIN.fieldService) ? caseWorkOrders(found.row.id) : null, // FSM-3
    // WRK-3: the assignee has opened the case — the "Customer replied" mark is cleared (only then:
    // the statement runs only while the mark is set, and a reply written meanwhile sets it again).
    found.row.customerRepliedAt && found.row.assignedToId === actor.id
      ? db().$executeRaw`UPDATE "Case" SET "customerRepliedAt" = NULL
          WHERE "id" = ${found.row.id} AND "customerRepliedAt" <= ${found.row.customerRepliedAt}`
      : null,
  ]);
  // Every name the page shows — the case's references and the audit's — in one statement.
  const refs = await auditRefs(audit, caseRefs(found.row)).resolve();
  const record = withReferences(found.row, refs, found.childCount);
  const writable = canWriteCases(actor) && !isCaseClosedForChanges(record.state);
  const actions = writable ? caseActionsFor(record.state) : [];
  const itsmActive = plugins.has(PLUGIN.serviceManagement);
  // ITSM-4: when a related record has closed, offer the matching resolution (the agent confirms).
  const suggestion = actions.some((a) => a.id === "propose_solution")
    ? suggestResolution(record.state, {
        incident: seesIncidents ? record.incident : null,
        problem: itsmActive && record.problem ? { ...record.problem, workaround: "" } : null,
        change: itsmActive ? record.change : null,
        requests: plugins.has(PLUGIN.requestManagement) ? requests : [],
      })
    : null;
  const visibleAudit = describeAudit(TABLE.case, audit, refs);
  return {
    record: seesIncidents ? record : { ...record, incidentId: null, incident: null },
    journal,
    audit: visibleAudit,
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
      decideMajor: record.majorCaseState === MajorCaseState.Proposed && isMajorIssueManager(actor),
      manageChildren: isMajor && isMajorIssueManager(actor) && writable,
    },
    children,
    plugins: { serviceManagement: itsmActive, requestManagement: plugins.has(PLUGIN.requestManagement) },
    requests,
    /** FSM-3: null while the Field Service plugin is off (the section disappears). */
    workOrders,
    suggestion,
    actions,
    menu: canWriteCases(actor) ? caseMenu(actor, record, plugins) : [],
    states: selectableStates(caseLifecycle, record.state),
  };
}
export type CaseView = Awaited<ReturnType<typeof getCaseView>>;
