import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { forbidden, notFound } from "@/lib/domain/errors";
import { selectableStates } from "@/lib/domain/records/state-machine";
import { TABLE } from "@/lib/domain/records/tables";
import { canReadWorkOrders, canScheduleWorkOrders, canWorkWorkOrders } from "@/lib/domain/work-orders/access";
import {
  isOpenTask,
  isOpenWorkOrder,
  offeredWorkOrderStates,
  offersClosing,
  taskLifecycle,
  workOrderLifecycle,
} from "@/lib/domain/work-orders/lifecycle";
import { describeAuditRows } from "../audit/describe";
import { listJournal } from "../journal/read";
import { date, num } from "@/lib/server/tables/sql";
import { pageWorkOrders, type WorkOrderFilter } from "@/lib/server/tables/work-order";
import { assertFieldService } from "./guard";
import { listPage, searchText } from "@/lib/domain/validation";

function assertCanRead(actor: Actor) {
  if (!canReadWorkOrders(actor)) throw forbidden("You need an agent or ITIL role to see work orders.");
}

const person = { select: { id: true, name: true } } as const;
const account = { select: { id: true, name: true } } as const;

/** The audit history of the order and of its tasks, newest first (REC-5): task rows name their task. */
async function history(orderId: number, tasks: { id: number; number: string }[]) {
  const rows = await db().auditEntry.findMany({
    where: {
      OR: [
        { table: TABLE.workOrder, recordId: orderId },
        ...(tasks.length ? [{ table: TABLE.workOrderTask, recordId: { in: tasks.map((t) => t.id) } }] : []),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 300,
  });
  const lines = await describeAuditRows(TABLE.workOrder, rows);
  return lines.map((l, i) => {
    const task = rows[i].table === TABLE.workOrderTask ? tasks.find((t) => t.id === rows[i].recordId) : null;
    return task ? { ...l, label: `${task.number} · ${l.label}` } : l;
  });
}

/** FSM-3: the work order page — fields, Case view, case link, tasks, journal, history. */
export async function getWorkOrderView(actor: Actor, number: string) {
  assertCanRead(actor);
  await assertFieldService();
  const record = await db().workOrder.findUnique({
    where: { number },
    include: {
      case: { select: { id: true, number: true, shortDescription: true, state: true } },
      account,
      company: account,
      partner: account,
      contact: person,
      caller: person,
      consumer: person,
      partnerContact: person,
      openedBy: person,
      asset: { select: { id: true, name: true, number: true } },
      tasks: { orderBy: { id: "asc" }, include: { assignedTo: person } },
    },
  });
  if (!record) throw notFound(`Work order ${number}`);
  const [journal, audit] = await Promise.all([
    listJournal(TABLE.workOrder, record.id, { includeWorkNotes: true }),
    history(record.id, record.tasks),
  ]);
  const open = isOpenWorkOrder(record.state);
  const works = canWorkWorkOrders(actor) && open;
  // FSM-5: agents and managers schedule the open tasks and add work notes; the rest is the fulfillers'.
  const schedules = canScheduleWorkOrders(actor) && open;
  return {
    record,
    journal,
    audit,
    permissions: { write: works, journal: schedules, schedule: schedules },
    states: offeredWorkOrderStates(record.state, record.tasks),
    taskStates: Object.fromEntries(
      record.tasks.map((t) => [
        t.number,
        isOpenTask(t.state) ? selectableStates(taskLifecycle, t.state) : [],
      ]),
    ),
    offersClosing: works && offersClosing(record.state, record.tasks),
  };
}

export const WORK_ORDER_PAGE_SIZE = 50;

/** `/work-orders`: search, state filter (open, a state, or all), newest activity first, paged. */
export async function listWorkOrders(actor: Actor, params: { q?: string; state?: string; page?: number }) {
  assertCanRead(actor);
  await assertFieldService();
  const page = listPage(params.page);
  const q = searchText(params.q) || undefined; // REL-8: no control character reaches SQL
  const state: WorkOrderFilter["state"] =
    params.state === "open"
      ? { in: openStates() }
      : params.state && workOrderLifecycle.states.some((s) => s.value === params.state)
        ? { is: params.state }
        : null;
  const { rows, total } = await pageWorkOrders(
    { q, state },
    { limit: WORK_ORDER_PAGE_SIZE, offset: (page - 1) * WORK_ORDER_PAGE_SIZE },
  );
  return {
    rows: rows.map((r) => ({
      ...r,
      id: num(r.id),
      priority: num(r.priority),
      updatedAt: date(r.updatedAt),
    })),
    total,
    page,
  };
}

const openStates = () => workOrderLifecycle.states.map((s) => s.value).filter(isOpenWorkOrder);
