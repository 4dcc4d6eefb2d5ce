// Runs once per server process (never during `next build`, which also loads this file).
// OPS-1: starts this process's job runner (lib/server/runner/runner.ts): outbox delivery — right
// after each change (scheduleDelivery) and, as a safety net, every 30 s, only when SMTP_URL is
// set — case auto-close and SLA breaches (lib/server/jobs/schedule.ts). Each item's claim or the
// job's lease lives in the database, so every node and worker may tick.
import { PHASE_PRODUCTION_BUILD } from "next/constants";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { startScheduledJobs } = await import("@/lib/server/jobs/schedule");
  startScheduledJobs();
}
