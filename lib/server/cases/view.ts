import "server-only";
import { canLinkIncidents, canReadCases, canReadIncidents, canWriteCases, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, notFound } from "@/lib/domain/errors";
import { caseActionsFor, caseLifecycle, isCaseClosedForChanges } from "@/lib/domain/cases/lifecycle";
import { selectableStates } from "@/lib/domain/records/state-machine";
import { TABLE } from "@/lib/domain/records/tables";
import { describeAudit } from "../audit/describe";
import { listAudit } from "../audit/read";
import { listJournal } from "../journal/read";
import { loadCaseRecord } from "./record-query";


/** Everything the case page shows, permission-checked; a fixed number of queries. */
export async function getCaseView(actor: Actor, number: string) {
  if (!canReadCases(actor)) throw forbidden();
  const seesIncidents = canReadIncidents(actor);
  const record = await loadCaseRecord(number);
  if (!record) throw notFound(`Case ${number}`);
  const [journal, audit] = await Promise.all([
    listJournal(TABLE.case, record.id, { includeWorkNotes: true }),
    listAudit(TABLE.case, record.id),
  ]);
  const writable = canWriteCases(actor) && !isCaseClosedForChanges(record.state);
  const visibleAudit = await describeAudit(TABLE.case, seesIncidents ? audit : audit.filter((a) => a.field !== "incidentId"));
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
    states: selectableStates(caseLifecycle, record.state),
  };
}
export type CaseView = Awaited<ReturnType<typeof getCaseView>>;
