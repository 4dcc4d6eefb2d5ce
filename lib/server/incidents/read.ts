import "server-only";
import { db, type Prisma } from "@/lib/db";
import { canReadIncidents, canWriteIncidents, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, notFound } from "@/lib/domain/errors";
import {
  incidentLifecycle,
  isIncidentClosedForChanges,
  OPEN_INCIDENT_STATES,
} from "@/lib/domain/incidents/lifecycle";
import { incidentListSchema } from "@/lib/domain/incidents/schemas";
import { selectableStates } from "@/lib/domain/records/state-machine";
import { TABLE } from "@/lib/domain/records/tables";
import { OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { countCapFor } from "@/lib/domain/paging";
import { describeAuditRows } from "../audit/describe";
import { listAudit } from "../audit/read";
import { listJournal } from "../journal/read";
import { numberOrFields, startsWithText } from "../text-search";

export const INCIDENT_PAGE_SIZE = 50;
export const LINKED_CASES_SHOWN = 100;

function assertCanRead(actor: Actor) {
  if (!canReadIncidents(actor)) throw forbidden("You need an incident role to see incidents.");
}

export async function listIncidents(actor: Actor, raw: Record<string, string | undefined>) {
  assertCanRead(actor);
  const p = incidentListSchema.parse(raw);
  const page = p.page ?? 1;
  const and: Prisma.IncidentWhereInput[] = [];
  if (p.state === "open") and.push({ state: { in: OPEN_INCIDENT_STATES } });
  else if (p.state && p.state !== "all") and.push({ state: Number(p.state) });
  if (p.priority) and.push({ priority: p.priority });
  if (p.q)
    and.push(
      /^INC\d+$/i.test(p.q)
        ? { number: startsWithText(p.q.toUpperCase()) }
        : numberOrFields("incident", p.q, ["shortDescription"]),
    );
  const where = and.length ? { AND: and } : {};
  const cap = countCapFor(p.q, page, INCIDENT_PAGE_SIZE);
  const [rows, total] = await Promise.all([
    db().incident.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * INCIDENT_PAGE_SIZE,
      take: INCIDENT_PAGE_SIZE,
      select: {
        id: true,
        number: true,
        shortDescription: true,
        state: true,
        priority: true,
        updatedAt: true,
        caller: { select: { name: true } },
        company: { select: { name: true } },
        _count: { select: { cases: true } },
      },
    }),
    // PERF-1: counted up to a cap, as the case list is (a word search counted every incident).
    db().incident.count({ where, take: cap + 1 }),
  ]);
  return {
    rows,
    total: Math.min(total, cap),
    totalCapped: total > cap,
    page,
    pageSize: INCIDENT_PAGE_SIZE,
    params: p,
  };
}

/** The incident form with its Customer Cases (INC-8), journal and audit; bounded queries. */
export async function getIncidentView(actor: Actor, number: string) {
  assertCanRead(actor);
  const record = await db().incident.findUnique({
    where: { number },
    include: {
      caller: { select: { id: true, name: true, email: true, kind: true } },
      company: { select: { id: true, number: true, name: true } },
      asset: { select: { id: true, number: true, name: true } },
      assignedTo: { select: { id: true, name: true } },
      problem: { select: { id: true, number: true, shortDescription: true, state: true } },
      change: { select: { id: true, number: true, shortDescription: true, state: true } },
      causedBy: { select: { id: true, number: true, shortDescription: true, state: true } },
      _count: { select: { cases: true } },
    },
  });
  if (!record) throw notFound(`Incident ${number}`);
  const [cases, journal, audit] = await Promise.all([
    db().case.findMany({
      where: { incidentId: record.id },
      orderBy: { number: "asc" },
      take: LINKED_CASES_SHOWN,
      select: {
        id: true,
        number: true,
        shortDescription: true,
        state: true,
        priority: true,
        proactive: true,
        customerRepliedAt: true,
        account: { select: { name: true } },
      },
    }),
    listJournal(TABLE.incident, record.id, { includeWorkNotes: true }),
    listAudit(TABLE.incident, record.id).then((rows) => describeAuditRows(TABLE.incident, rows)),
  ]);
  const writable = canWriteIncidents(actor) && !isIncidentClosedForChanges(record.state);
  return {
    record,
    // WRK-3: the "Customer replied" mark, on an open case.
    cases: cases.map(({ customerRepliedAt, ...c }) => ({
      ...c,
      replied: customerRepliedAt !== null && OPEN_CASE_STATES.includes(c.state),
    })),
    journal,
    audit,
    permissions: { write: writable, journal: canWriteIncidents(actor) },
    states: selectableStates(incidentLifecycle, record.state),
  };
}
export type IncidentView = Awaited<ReturnType<typeof getIncidentView>>;
