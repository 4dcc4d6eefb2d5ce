import "server-only";
import { canLinkIncidents, canReadCases, canReadIncidents, canWriteCases, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, notFound } from "@/lib/domain/errors";
import { caseActionsFor, caseLifecycle, isCaseClosedForChanges } from "@/lib/domain/cases/lifecycle";
import { caseMenu } from "@/lib/domain/cases/menu";
import { selectableStates } from "@/lib/domain/records/state-machine";
import { TABLE } from "@/lib/domain/records/tables";
import { auditRefs, describeAudit } from "../audit/describe";
import { listAudit } from "../audit/read";
import { listJournal } from "../journal/read";
import { activePlugins } from "../plugins/read";
import { caseRefs, loadCaseRow, withReferences } from "./record-query";


/** Everything the case page shows, permission-checked; a fixed number of queries. */
export async function getCaseView(actor: Actor, number: string) {
  if (!canReadCases(actor)) throw forbidden();
  const seesIncidents = canReadIncidents(actor);
  const found = await loadCaseRow(number);
  if (!found) throw notFound(`Case ${number}`);
  const [journal, audit, plugins] = await Promise.all([
    listJournal(TABLE.case, found.row.id, { includeWorkNotes: true }),
    listAudit(TABLE.case, found.row.id).then((rows) => (seesIncidents ? rows : rows.filter((a) => a.field !== "incidentId"))),
    activePlugins(),
  ]);
  // Every name the page shows — the case's references and the audit's — in one statement.
  const refs = await auditRefs(audit, caseRefs(found.row)).resolve();
  const record = withReferences(found.row, refs, found.childCount);
  const writable = canWriteCases(actor) && !isCaseClosedForChanges(record.state);
  const visibleAudit = describeAudit(TABLE.case, audit, refs);
  return {
    record: seesIncidents ? record : { ...record, incidentId: null, incident: null },
    journal,
    audit: visibleAudit,
    permissions: {
      write: writable,
      journal: canWriteCases(actor),
      seesIncidents,
      linksIncidents: canLinkIncidents(actor),
    },
    actions: writable ? caseActionsFor(record.state) : [],
    menu: canWriteCases(actor) ? caseMenu(actor, record, plugins) : [],
    states: selectableStates(caseLifecycle, record.state),
  };
}
export type CaseView = Awaited<ReturnType<typeof getCaseView>>;
