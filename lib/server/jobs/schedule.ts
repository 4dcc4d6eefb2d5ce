// Not marked server-only: instrumentation.ts (the server process itself) imports it.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { AUTO_CLOSE_JOB } from "@/lib/domain/cases/auto-close";
import { closeDueCases } from "./auto-close";
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

/** Starts the ticks of this process (the timers never keep it alive). */
export function startScheduledJobs() {
  const tick = () => {
    autoCloseTick().catch((e) => console.error("[caseflow] case auto-close failed:", e));
  };
  // The first tick comes soon after start, spread so that workers starting together do not all claim at once.
  setTimeout(tick, 10_000 + Math.random() * 20_000).unref();
  setInterval(tick, TICK_MS).unref();
}
