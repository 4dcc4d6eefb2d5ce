import "server-only";
import { db } from "@/lib/db";
import { canReadItsm, canWriteItsm, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, notFound } from "@/lib/domain/errors";
import { describeAuditRows } from "../audit/describe";
import { listAudit } from "../audit/read";
import { listJournal } from "../journal/read";
import { activePlugins } from "../plugins/read";
import { listLinkedCases } from "@/lib/server/tables/case-reads";
import { pageItsmRecords } from "@/lib/server/tables/itsm-lists";
import { CHANGE, PROBLEM, REQUEST, type ItsmInput, type ItsmRow, type ItsmSpec } from "./specs";
import { listPage, searchText } from "@/lib/domain/validation";
import { OPEN_CASE_STATES } from "@/lib/domain/records/choices";

export const LINKED_CASES_SHOWN = 100;

/** What every problem, change and request page shows besides its own fields. */
async function common<Row extends ItsmRow, Input extends ItsmInput>(
  spec: ItsmSpec<Row, Input>,
  actor: Actor,
  record: Row,
) {
  const [{ rows: cases, total }, journal, audit, plugins] = await Promise.all([
    listLinkedCases({ table: spec.table, id: record.id }, LINKED_CASES_SHOWN),
    listJournal(spec.table, record.id, { includeWorkNotes: true }),
    listAudit(spec.table, record.id).then((rows) => describeAuditRows(spec.table, rows)),
    activePlugins(),
  ]);
  // ITSM-5: no form while the record's plugin is inactive (the server refuses changes then).
  const pluginActive = plugins.has(spec.plugin);
  const writable = canWriteItsm(actor) && !spec.isFinal(record) && pluginActive;
  return {
    cases: cases.map((c) => ({
      id: Number(c.id),
      number: c.number,
      shortDescription: c.shortDescription,
      state: Number(c.state),
      priority: Number(c.priority),
      account: c.accountName ? { name: c.accountName } : null,
      // WRK-3: the customer's reply waits for the assignee (an open case).
      replied: c.customerRepliedAt !== null && OPEN_CASE_STATES.includes(Number(c.state)),
    })),
    caseCount: total,
    journal,
    audit,
    pluginActive,
    permissions: { write: writable, journal: canWriteItsm(actor) && pluginActive },
    states: spec.selectableStates(record),
  };
}

function assertCanRead(actor: Actor) {
  if (!canReadItsm(actor))
    throw forbidden("You need an ITIL or agent role to see problems, changes and requests.");
}

const person = { select: { id: true, name: true, email: true } } as const;
const account = { select: { id: true, number: true, name: true } } as const;

export async function getProblemView(actor: Actor, number: string) {
  assertCanRead(actor);
  const record = await db().problem.findUnique({
    where: { number },
    include: {
      company: account,
      asset: { select: { id: true, number: true, name: true } },
      firstReportedBy: { select: { id: true, number: true, shortDescription: true } },
      openedBy: person,
    },
  });
  if (!record) throw notFound(`Problem ${number}`);
  return { record, ...(await common(PROBLEM, actor, record)) };
}

export async function getChangeView(actor: Actor, number: string) {
  assertCanRead(actor);
  const record = await db().changeRequest.findUnique({
    where: { number },
    include: {
      company: account,
      caller: person,
      requestedBy: person,
      asset: { select: { id: true, number: true, name: true } },
      template: { select: { id: true, name: true } },
    },
  });
  if (!record) throw notFound(`Change ${number}`);
  return { record, ...(await common(CHANGE, actor, record)) };
}

export async function getRequestView(actor: Actor, number: string) {
  assertCanRead(actor);
  const record = await db().request.findUnique({
    where: { number },
    include: {
      requestedFor: person,
      openedBy: person,
      case: { select: { id: true, number: true, shortDescription: true } },
      items: { orderBy: { id: "asc" } },
    },
  });
  if (!record) throw notFound(`Request ${number}`);
  return { record, ...(await common(REQUEST, actor, record)) };
}

export const ITSM_PAGE_SIZE = 50;

/** The list pages of problems, changes and requests: newest activity first, paged. */
export async function listItsm<Row extends ItsmRow, Input extends ItsmInput>(
  spec: ItsmSpec<Row, Input>,
  actor: Actor,
  params: { q?: string; page?: number; open?: boolean },
) {
  assertCanRead(actor);
  const page = listPage(params.page);
  const q = searchText(params.q) || undefined; // REL-8: no control character reaches SQL
  const { rows, total } = await pageItsmRecords(spec.table, q, {
    limit: ITSM_PAGE_SIZE,
    offset: (page - 1) * ITSM_PAGE_SIZE,
  });
  return {
    rows: rows.map((r) => ({
      ...r,
      id: Number(r.id),
      state: spec.stateLabel(r.state),
      updatedAt: new Date(r.updatedAt),
    })),
    total,
    page,
  };
}
