import "server-only";
import { formatWindow } from "@/lib/domain/time-format";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { notFound } from "@/lib/domain/errors";
import type { RelatedDetail, RelatedRecord } from "@/lib/domain/portal/related";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import {
  casePriorities,
  changeStates,
  labelOf,
  problemStates,
  requestStates,
} from "@/lib/domain/records/choices";
import { activePlugins } from "../plugins/read";
import { getExternalCaseRef } from "../scope/cases";
import { getExternalWorkOrder } from "../work-orders/external";

const brief = { number: true, state: true, shortDescription: true } as const;
/** POR-2 / PERF-1: requests and work orders listed per case, as the workspace case page lists them. */
const RELATED_SHOWN = 100;

/**
 * The records linked to the case with id `caseId`, the case already checked to be in scope. An
 * inactive plugin's records are left out, as its fields disappear everywhere (ITSM-5, FSM-1).
 * At most 100 requests and 100 work orders; `only` looks one record up by its number (so a case's
 * 101st is still found by its address).
 */
async function linkedTo(caseId: number, only?: string): Promise<RelatedRecord[]> {
  const plugins = await activePlugins();
  const itsm = plugins.has(PLUGIN.serviceManagement);
  const c = await db().case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      problem: { select: brief },
      change: { select: brief },
      causedBy: { select: brief },
      requests: {
        select: brief,
        orderBy: { number: "asc" },
        where: only ? { number: only } : {},
        take: RELATED_SHOWN,
      },
      workOrders: {
        select: brief,
        orderBy: { number: "asc" },
        where: only ? { number: only } : {},
        take: RELATED_SHOWN,
      },
    },
  });
  const out: RelatedRecord[] = [];
  if (itsm && c.problem)
    out.push({
      kind: "problem",
      type: "Problem",
      ...c.problem,
      state: labelOf(problemStates, c.problem.state),
    });
  for (const [change, type] of [
    [c.change, "Change"],
    [c.causedBy, "Change (caused by)"],
  ] as const) {
    if (itsm && change && !out.some((r) => r.number === change.number))
      out.push({ kind: "change", type, ...change, state: labelOf(changeStates, change.state) });
  }
  if (plugins.has(PLUGIN.requestManagement))
    for (const r of c.requests)
      out.push({ kind: "request", type: "Request", ...r, state: labelOf(requestStates, r.state) });
  if (plugins.has(PLUGIN.fieldService))
    for (const w of c.workOrders) out.push({ kind: "workOrder", type: "Work order", ...w });
  return out;
}

/**
 * POR-2: the problems, changes, requests and work orders linked to a case the user may see. A case
 * outside their scope answers not found, exactly as a number that does not exist (POR-4).
 */
export async function listRelatedRecords(actor: Actor | null | undefined, caseNumber: string) {
  const ref = await getExternalCaseRef(actor, caseNumber);
  return linkedTo(ref.id);
}

/**
 * POR-2: one related record's customer-safe details, keyed by the case and the record's number. A
 * record not linked to that case — or a case outside the user's scope — answers not found, with
 * the message a number that does not exist gets (POR-4).
 */
export async function getRelatedRecord(
  actor: Actor | null | undefined,
  caseNumber: string,
  recordNumber: string,
): Promise<RelatedDetail> {
  const ref = await getExternalCaseRef(actor, caseNumber);
  const record = (await linkedTo(ref.id, recordNumber)).find((r) => r.number === recordNumber);
  if (!record) throw notFound(`Record ${recordNumber}`);
  if (record.kind !== "workOrder") return record;
  // Through the external read layer again: the same scope, the same customer-safe fields.
  const w = await getExternalWorkOrder(actor, record.number);
  return {
    ...record,
    priority: labelOf(casePriorities, w.priority),
    tasks: w.tasks.map((t) => ({
      number: t.number,
      state: t.state,
      shortDescription: t.shortDescription,
      windowStart: t.windowStart,
      windowEnd: t.windowEnd,
      windowText: formatWindow(t.windowStart, t.windowEnd, { zone: true }),
    })),
  };
}
