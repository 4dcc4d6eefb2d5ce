// PERF-2 for Field Service (issue 10): Create Work Order from a case, and a work order state change
// (one case, its work note written by the sync rule in the same transaction) — the services called
// directly, as fanout.mts measures Create Incident, each p95 against ≤ 100 ms.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { OPEN_CASE_STATES, WorkOrderState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { loadActor } from "@/lib/server/auth/load-actor";
import { createWorkOrderFromCase } from "@/lib/server/work-orders/create";
import { updateWorkOrder } from "@/lib/server/work-orders/update";
import { BENCH_AGENT } from "./dataset.mts";
import { p95Row, type Row } from "./report.mts";

const CASES = 120;
const W = WorkOrderState;
/** The open part of the lifecycle, one legal move after another (lib/domain/work-orders/lifecycle.ts). */
const WALK = [
  W.AwaitingQualification,
  W.Qualified,
  W.ReadyForDispatch,
  W.Assigned,
  W.Accepted,
  W.WorkInProgress,
];

/**
 * Open, top-level data-set cases from 40 % into the table on: fanout.mts uses the first 10,000,
 * major.mts 20,000–20,999 and notify.mts the last 1,000 (at scale 1).
 */
async function benchCases() {
  const generated = { number: { startsWith: "CS5" } };
  const total = await db().case.count({ where: generated });
  const [start] = await db().case.findMany({
    where: generated,
    select: { id: true },
    orderBy: { id: "asc" },
    skip: Math.floor(total * 0.4),
    take: 1,
  });
  const pool = await db().case.findMany({
    where: { ...generated, id: { gte: start.id }, state: { in: OPEN_CASE_STATES }, parentId: null },
    select: { id: true, number: true },
    orderBy: { id: "asc" },
    take: CASES,
  });
  if (pool.length < CASES) throw new Error(`only ${pool.length} open cases for the work order bench`);
  return pool;
}

export async function workOrderMetrics(log: (m: string) => void): Promise<Row[]> {
  const user = await db().user.findUniqueOrThrow({ where: { email: BENCH_AGENT } });
  const actor = (await loadActor(user.id))!;
  const create: number[] = [];
  const move: number[] = [];
  for (const c of await benchCases()) {
    let t = performance.now();
    const made = await createWorkOrderFromCase(actor, c.number, randomUUID());
    create.push(performance.now() - t);
    if (!made.created) throw new Error(`Create Work Order on ${c.number} made no work order`);
    const order = await db().workOrder.findUniqueOrThrow({
      where: { number: made.number },
      select: { id: true, version: true },
    });
    let version = order.version;
    for (const state of WALK) {
      t = performance.now();
      await updateWorkOrder(actor, made.number, { state, version });
      move.push(performance.now() - t);
      version++;
    }
    // Each move wrote exactly one work note on the case (the sync rule), as the product promises.
    const notes = await db().journalEntry.count({
      where: {
        table: TABLE.case,
        recordId: c.id,
        sourceTable: TABLE.workOrder,
        sourceId: order.id,
        body: { startsWith: `Work order ${made.number} state changed` },
      },
    });
    if (notes !== WALK.length)
      throw new Error(`${made.number}: ${notes} case notes, expected ${WALK.length}`);
  }
  log(`work orders: ${create.length} created, ${move.length} state changes`);
  return [
    p95Row("PERF-2 Create Work Order from a case p95", create),
    p95Row("PERF-2 change a work order state (1 case, with sync) p95", move),
  ];
}
