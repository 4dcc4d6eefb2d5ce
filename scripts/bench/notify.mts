// PERF-3 for Notify Customers (PRO-3): the comment and the customer email on 1,000 cases (scaled
// by --scale, at least 100) in one transaction, beside a plain batch insert of the same rows —
// the journal entries and the outbox messages — in the same run. Each case's response SLA runs,
// started at its own time, and the notification stops it (NOT-5).
import { db } from "@/lib/db";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { SLA_WARNING_MS } from "@/lib/domain/sla/timer";
import { loadActor } from "@/lib/server/auth/load-actor";
import { notifyCustomers } from "@/lib/server/proactive/notify";
import { BENCH_AGENT } from "./dataset.mts";
import { median, msList, vsBaseline, type Row } from "./report.mts";

const CUSTOMER = "bench.customer@example.com";

export async function notifyMetrics(log: (m: string) => void, scale: number): Promise<Row[]> {
  const n = Math.max(100, Math.round(1_000 * Math.min(scale, 1)));
  const user = await db().user.findUniqueOrThrow({ where: { email: BENCH_AGENT } });
  const actor = (await loadActor(user.id))!;
  const customer = await db().user.upsert({
    where: { email: CUSTOMER },
    update: {},
    create: { email: CUSTOMER, name: "Bench Customer", kind: "contact" },
  });
  // The last cases of the data set: the other fan-out measurements use the first ones.
  const generated = { majorCaseState: "", number: { startsWith: "CS5" } }; // not the major bench's
  const pool = await db().case.findMany({
    where: generated,
    select: { id: true, number: true },
    orderBy: { id: "desc" },
    take: n,
  });
  // A range, not IN (…): Prisma refuses more than 999 bound values on SQLite.
  const ids = { id: { gte: pool.at(-1)!.id }, ...generated };
  const baseline: number[] = [];
  const notify: number[] = [];
  for (let run = 0; run < 3; run++) {
    const stamp = `${Date.now()}-${run}`;
    // Open cases with a customer, each emailed for the first time (its reply token is made now).
    await db().case.updateMany({
      where: ids,
      data: { state: CaseState.Open, contactId: customer.id, consumerId: null, replyToken: null },
    });

    let t = performance.now();
    await db().$transaction(async (tx) => {
      await tx.journalEntry.createMany({
        data: pool.map((c) => ({
          table: TABLE.case,
          recordId: c.id,
          kind: "comments",
          body: `Baseline ${stamp}`,
          authorId: actor.id,
          authorName: actor.name,
          idempotencyKey: `baseline-${stamp}`,
        })),
      });
      await tx.outboxMessage.createMany({
        data: pool.map((c) => ({
          dedupeKey: `baseline-${stamp}-${c.id}`,
          recipient: CUSTOMER,
          subject: `Case ${c.number}: baseline`,
          body: `Baseline ${stamp}`,
          htmlBody: `<p>Baseline ${stamp}</p>`,
          messageId: `<baseline-${stamp}-${c.id}@bench>`,
          replyTo: `reply+baseline${c.id}@bench`,
          status: "suppressed",
          sourceTable: TABLE.case,
          sourceId: c.id,
          event: "bench.baseline",
        })),
      });
    });
    baseline.push(performance.now() - t);

    // NOT-5: each case's response SLA running, started at its own time (as cases customers reported
    // one by one): Notify Customers stops them all.
    await db().caseSla.deleteMany({ where: { case: ids, kind: "response" } });
    const now = Date.now();
    await db().caseSla.createMany({
      data: pool.map((c, i) => ({
        caseId: c.id,
        kind: "response",
        clock: "24x7",
        targetMs: 4 * 3_600_000,
        runningSince: new Date(now - (i + 1) * 1_000),
        dueAt: new Date(now - (i + 1) * 1_000 + 4 * 3_600_000),
        warnAt: new Date(now - (i + 1) * 1_000 + 4 * 3_600_000 - SLA_WARNING_MS),
      })),
    });

    t = performance.now();
    const counts = await notifyCustomers(actor, {
      cases: pool.map((c) => c.number).join(","),
      message: `Notify bench ${stamp}`,
      requestId: `bench-${stamp}`,
    });
    notify.push(performance.now() - t);
    if (counts.notified !== n || counts.emails !== n)
      throw new Error(`notified ${counts.notified} cases and ${counts.emails} emails, expected ${n}`);
    const running = await db().caseSla.count({ where: { case: ids, kind: "response", stoppedAt: null } });
    if (running) throw new Error(`${running} response SLAs still running after Notify Customers`);
  }
  // The bench's own messages are never sent.
  await db().outboxMessage.updateMany({
    where: { recipient: CUSTOMER, status: "pending" },
    data: { status: "suppressed", reason: "bench" },
  });
  log(`notify ${n} cases: ${msList(notify)} ms; baseline ${msList(baseline)} ms`);
  const b = median(baseline);
  const label = n.toLocaleString("en");
  return [
    vsBaseline(`PERF-3 Notify Customers → ${label} cases (comment + email)`, notify, b),
    {
      metric: `PERF-3 baseline: batch insert ${label} comments + ${label} outbox rows`,
      value: b,
      unit: "ms",
      goal: "—",
      pass: null,
    },
  ];
}
