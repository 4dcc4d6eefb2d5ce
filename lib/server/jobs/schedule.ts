// Not marked server-only: instrumentation.ts (the server process itself) imports it.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { AUTO_CLOSE_JOB } from "@/lib/domain/cases/auto-close";
import { closeDueCases } from "./auto-close";
import { recordSlaBreaches, SLA_JOB } from "./sla";
import { runWithLease, type LeaseTiming } from "./lease";

// Scheduled jobs of the app. Every server process ticks every few minutes; the JobLease decides
// which one runs (lease.ts), so the number of processes does not change how often a job runs.

const TICK_MS = 5 * 60_000;
/** A run holds its lease at most this long between renewals (it renews before each batch). */
const AUTO_CLOSE: LeaseTiming = { ttlMs: 10 * 60_000, everyMs: TICK_MS - 30_000 };

const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

async function autoCloseTick() {
  await runWithLease(AUTO_CLOSE_JOB, worker, AUTO_CLOSE, async (stillMine) => {
    const { days, closed } = await closeDueCases({ stillMine });
    if (closed)
      console.info(`[caseflow] case auto-close: closed ${closed} Resolved case(s) after ${days} days`);
    return days ? `closed ${closed} case${closed === 1 ? "" : "s"} (after ${days} days)` : "off (0 days)";
  });
}

/** NOT-5: SLA breaches and warnings are recorded within a minute of their time. */
const SLA_TICK_MS = 60_000;
const SLA: LeaseTiming = { ttlMs: 5 * 60_000, everyMs: SLA_TICK_MS - 10_000 };

async function slaTick() {
  await runWithLease(SLA_JOB, worker, SLA, async (stillMine) => {
    const { breached, warned } = await recordSlaBreaches({ stillMine });
    return `${breached} breached, ${warned} warned`;
  });
}

/** Starts the ticks of this process (the timers never keep it alive). */
export function startScheduledJobs() {
  const slas = () => {
    slaTick().catch((e) => console.error("[caseflow] SLA job failed:", e));
  };
  setTimeout(slas, 5_000 + Math.random() * 10_000).unref();
  setInterval(slas, SLA_TICK_MS).unref();
  const tick = () => {
    autoCloseTick().catch((e) => console.error("[caseflow] case auto-close failed:", e));
  };
  // The first tick comes soon after start, spread so that workers starting together do not all claim at once.
  setTimeout(tick, 10_000 + Math.random() * 20_000).unref();
  setInterval(tick, TICK_MS).unref();
}
