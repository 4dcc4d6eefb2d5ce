// Runs once per server process (never during `next build`, which also loads this file).
// - Sends email that is due (REL-4): right after each change (scheduleDelivery) and, as a safety
//   net, every 30 s — messages claimed by a process that died are picked up again once their lock
//   expires. Only when SMTP_URL is set.
// - Scheduled jobs (lib/server/jobs/schedule.ts): every process ticks, the job's lease picks one.
import { PHASE_PRODUCTION_BUILD } from "next/constants";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { startScheduledJobs } = await import("@/lib/server/jobs/schedule");
  startScheduledJobs();
  if (!process.env.SMTP_URL) return;
  const { deliverPending } = await import("@/lib/server/outbox/deliver");
  const sweep = () => {
    deliverPending().catch((e) => console.error("[caseflow] outbox sweep failed:", e));
  };
  setInterval(sweep, 30_000).unref();
  sweep();
}
