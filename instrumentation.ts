// Runs once per server process. Sends email that is due (REL-4): right after each change
// (scheduleDelivery) and, as a safety net, every 30 s — messages claimed by a process that died
// are picked up again here once their lock expires.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.SMTP_URL) return;
  const { deliverPending } = await import("@/lib/server/outbox/deliver");
  const sweep = () => deliverPending().catch((e) => console.error("[caseflow] outbox sweep failed:", e));
  setInterval(sweep, 30_000).unref();
  sweep();
}
