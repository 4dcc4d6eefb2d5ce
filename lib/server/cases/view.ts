import "server-only";
import { db } from "@/lib/db";
import { canLinkIncidents, canReadCases, canReadIncidents, canWriteCases, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, notFound } from "@/lib/domain/errors";
import { caseActionsFor, caseLifecycle, isCaseClosedForChanges } from "@/lib/domain/cases/lifecycle";
import { selectableStates } from "@/lib/domain/records/state-machine";
import { TABLE } from "@/lib/domain/records/tables";
import { describeAudit } from "../audit/describe";
import { listAudit } from "../audit/read";
import { listJournal } from "../journal/read";

const ref = { select: { id: true, number: true, name: true } } as const;
const person = { select: { id: true, name: true, email: true } } as const;
const itsm = { select: { id: true, number: true, shortDescription: true, state: true } } as const;

/** Everything the case page shows, permission-checked; a fixed number of queries. */
export async function getCaseView(actor: Actor, number: string) {
  if (!canReadCases(actor)) throw forbidden();
  const seesIncidents = canReadIncidents(actor);
  const record = await db().case.findUnique({
    where: { number },
    include: {
      account: ref,
      partner: ref,
      asset: ref,
      contact: person,
      consumer: person,
      partnerContact: person,
      assignedTo: person,
      openedBy: person,
      incident: seesIncidents ? itsm : false,
      problem: itsm,
      change: itsm,
      causedBy: itsm,
      parent: { select: { id: true, number: true, shortDescription: true } },
      _count: { select: { children: true } },
    },
  });
  if (!record) throw notFound(`Case ${number}`);
  const [journal, audit] = await Promise.all([
    listJournal(TABLE.case, record.id, { includeWorkNotes: true }),
    listAudit(TABLE.case, record.id),
  ]);
  const writable = canWriteCases(actor) && !isCaseClosedForChanges(record.state);
  const visibleAudit = await describeAudit(TABLE.case, seesIncidents ? audit : audit.filter((a) => a.field !== "incidentId"));
  return {
    record: seesIncidents ? record : { ...record, incidentId: null },
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
