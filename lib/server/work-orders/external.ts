import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { invalid, notFound } from "@/lib/domain/errors";
import { isChoice, workOrderStates } from "@/lib/domain/records/choices";
import { requireExternalScope } from "@/lib/domain/scope/external";
import { num } from "@/lib/server/tables/sql";
import { findExternalWorkOrder, pageExternalWorkOrders } from "@/lib/server/tables/work-order";
import { assertFieldService } from "./guard";
import { controlCharacterIn, listPage, searchText } from "@/lib/domain/validation";

export const EXTERNAL_WORK_ORDER_PAGE_SIZE = 50;

export type ExternalWorkOrderQuery = { q?: string; state?: string; page?: number };

/**
 * POR-3: the portal's Work Orders list — the work orders of the cases the user may see (ROLE-3),
 * newest update first, 50 a page, with a text search and a state filter. Two statements, each
 * with the scope in its WHERE.
 */
export async function listExternalWorkOrders(
  actor: Actor | null | undefined,
  query: ExternalWorkOrderQuery = {},
) {
  const scope = requireExternalScope(actor);
  await assertFieldService();
  if (query.state && !isChoice(workOrderStates, query.state))
    throw invalid("state", "State: pick one of the list.");
  const page = listPage(query.page);
  const size = EXTERNAL_WORK_ORDER_PAGE_SIZE;
  const { rows, total } = await pageExternalWorkOrders(
    scope,
    { q: searchText(query.q) || undefined, state: query.state },
    { limit: size, offset: (page - 1) * size },
  );
  return {
    rows: rows.map((r) => ({
      number: r.number,
      priority: num(r.priority),
      state: r.state,
      shortDescription: r.shortDescription,
      caseNumber: r.caseNumber,
      updatedAt: new Date(r.updatedAt),
    })),
    total,
    page,
    pageSize: size,
  };
}

/**
 * POR-3 / FSM-5: a work order's customer-safe details and its tasks with their appointment
 * windows; of the assignee only the name. A number outside the user's scope answers exactly as
 * one that does not exist (POR-4).
 */
export async function getExternalWorkOrder(actor: Actor | null | undefined, number: string) {
  const scope = requireExternalScope(actor);
  await assertFieldService();
  // A control character is in no number; PostgreSQL would refuse the query (REL-8).
  const row = controlCharacterIn(number) ? null : await findExternalWorkOrder(scope, number);
  if (!row) throw notFound(`Work order ${number}`);
  const tasks = await db().workOrderTask.findMany({
    where: { workOrderId: num(row.id) },
    orderBy: { number: "asc" },
    select: {
      number: true,
      state: true,
      shortDescription: true,
      windowStart: true,
      windowEnd: true,
      assignedTo: { select: { name: true } },
    },
  });
  return {
    number: row.number,
    state: row.state,
    priority: num(row.priority),
    shortDescription: row.shortDescription,
    description: row.description,
    caseNumber: row.caseNumber,
    accountName: row.accountName,
    tasks: tasks.map(({ assignedTo, ...task }) => ({ ...task, assignedToName: assignedTo?.name ?? null })),
  };
}
