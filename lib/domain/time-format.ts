// How the workspace writes times: en-GB, in the server's zone (TZ, default UTC). Formatted on the
// server (pages, the journal route) so every reader sees the same text; the zone is configuration,
// read once, and formatting stays a pure function of the date. Never from a client component: the
// browser has no TZ, so it would write another time than the server (time-format.test.ts checks).
const timeZone = process.env.TZ || "UTC";

const FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });

const TIME = new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone });

/** A date and time as the workspace shows it, in the server's zone (TZ, default UTC). */
export const formatDateTime = (d: Date) => FORMAT.format(d);
/** The time of day alone ("14:02"), same zone. */
export const formatTime = (d: Date) => TIME.format(d);

/** An appointment window as text: "1 Dec 2026, 09:00 – 11:00" (same day) or both dates. */
export function formatWindow(start: Date | string | null, end: Date | string | null): string {
  if (!start || !end) return "No appointment window";
  const [s, e] = [new Date(start), new Date(end)];
  const sameDay = formatDateTime(s).split(",")[0] === formatDateTime(e).split(",")[0];
  return `${formatDateTime(s)} – ${sameDay ? formatTime(e) : formatDateTime(e)}`;
}
