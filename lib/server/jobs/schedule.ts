import "server-only";
import { AUTO_CLOSE_JOB } from "@/lib/domain/cases/auto-close";
import { drainOutbox, OUTBOX_JOB, outboxBacklog } from "../outbox/deliver";
import { runWithLease, type LeaseTiming } from "../runner/lease";
import { runner, scaled, SKIPPED, workerId } from "../runner/runner";
import { closeDueCases } from "./auto-close";
import { catchUpHoursTimers } from "../sla/rehours";
import { recordSlaBreaches, SLA_JOB } from "./sla";
import { HOUSEKEEPING_JOB, sweepExpired } from "./housekeeping";

// OPS-1: the background jobs of the app, all on the one runner (runner/runner.ts). Every server
// process ticks; the database decides who does what: the outbox's messages are claimed per batch
// (SKIP LOCKED), auto-close and SLA runs hold their JobLease (runner/lease.ts), so the number of
// processes does not change how often a job runs nor how often an item is done.

const TICK_MS = 5 * 60_000;

async function autoCloseTick() {
  /** A run holds its lease at most this long between renewals (it renews before each batch). */
  const timing: LeaseTiming = { ttlMs: scaled(10 * 60_000, 5_000), everyMs: scaled(TICK_MS - 30_000) };
  const run = await runWithLease(AUTO_CLOSE_JOB, workerId, timing, async (stillMine) => {
    const { days, closed } = await closeDueCases({ stillMine });
    if (closed)
      console.info(`[caseflow] case auto-close: closed ${closed} Resolved case(s) after ${days} days`);
    return days ? `closed ${closed} case${closed === 1 ? "" : "s"} (after ${days} days)` : "off (0 days)";
  });
  return run.ran ? run.result : SKIPPED;
}

/** NOT-5: SLA breaches and warnings are recorded within a minute of their time. */
const SLA_TICK_MS = 60_000;

async function slaTick() {
  const timing: LeaseTiming = { ttlMs: scaled(5 * 60_000, 5_000), everyMs: scaled(SLA_TICK_MS - 10_000) };
  const run = await runWithLease(SLA_JOB, workerId, timing, async (stillMine) => {
    // Due times first: a timer counted in old business hours is recounted before it is judged —
    // and a failed recount must not stop breaches being recorded (it is tried again next pass).
    const recounted = await catchUpHoursTimers({ stillMine }).catch((e: unknown) => {
      console.error("[caseflow] SLA business-hours recount failed:", e);
      return 0;
    });
    const { breached, warned } = await recordSlaBreaches({ stillMine });
    return `${breached} breached, ${warned} warned${recounted ? `, ${recounted} recounted in new hours` : ""}`;
  });
  return run.ran ? run.result : SKIPPED;
}

/** OPS-1: run-out throttle rows and expired sessions go, hourly, by one node. */
const HOUSEKEEPING_TICK_MS = 60 * 60_000;

async function housekeepingTick() {
  const timing: LeaseTiming = {
    ttlMs: scaled(10 * 60_000, 5_000),
    everyMs: scaled(HOUSEKEEPING_TICK_MS - 60_000),
  };
  const run = await runWithLease(HOUSEKEEPING_JOB, workerId, timing, async (stillMine) => {
    const { throttles, sessions } = await sweepExpired(new Date(), stillMine);
    return `${throttles} throttle rows, ${sessions} sessions deleted`;
  });
  return run.ran ? run.result : SKIPPED;
}

/** REL-4: the safety net of outbox delivery (each queued message also wakes it after commit: wakeDelivery). */
async function outboxTick() {
  await drainOutbox();
  runner().backlog.set(OUTBOX_JOB, await outboxBacklog());
}

/** Starts the ticks of this process (the timers never keep it alive). */
export function startScheduledJobs() {
  const r = runner();
  // The first ticks come soon after start, spread so that workers starting together do not all claim at once.
  r.add({
    name: SLA_JOB,
    everyMs: scaled(SLA_TICK_MS),
    firstInMs: scaled(5_000 + Math.random() * 10_000),
    run: slaTick,
  });
  r.add({
    name: AUTO_CLOSE_JOB,
    everyMs: scaled(TICK_MS),
    firstInMs: scaled(10_000 + Math.random() * 20_000),
    run: autoCloseTick,
  });
  r.add({
    name: HOUSEKEEPING_JOB,
    everyMs: scaled(HOUSEKEEPING_TICK_MS),
    firstInMs: scaled(60_000 + Math.random() * 60_000),
    run: housekeepingTick,
  });
  // Without SMTP_URL nothing is sent (messages wait in the outbox); the backlog is measured anyway.
  r.add({ name: OUTBOX_JOB, everyMs: scaled(30_000), run: outboxTick });
}
