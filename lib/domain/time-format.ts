// How the workspace writes times: en-GB, in the server's zone (TZ, default UTC). Formatted on the
// server (pages, the journal route) so every reader sees the same text; the zone is configuration,
// read once, and formatting stays a pure function of the date. Never from a client component: the
// browser has no TZ, so it would write another time than the server (time-format.test.ts checks).
const timeZone = process.env.TZ || "UTC";

const FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });

const TIME = new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone });

/**
 * Texts already written, by instant. ICU's `format` costs ~1 µs a call and a case list writes 50
 * a request, mostly the same rows as the request before (PERF-8). The text depends on the instant
 * alone (the zone is read once), so the memo is exact. Hand-written: a Map emptied when it fills
 * is enough here, and costs less per lookup than an LRU library's bookkeeping.
 */
const written = new Map<number, string>();
const WRITTEN_MAX = 10_000;

/** A date and time as the workspace shows it, in the server's zone (TZ, default UTC). */
export function formatDateTime(d: Date): string {
  const at = d.getTime();
  let text = written.get(at);
  if (text === undefined) {
    text = FORMAT.format(d); // an invalid date throws here, as before, and is not kept
    if (written.size >= WRITTEN_MAX) written.clear();
    written.set(at, text);
  }
  return text;
}
/** The time of day alone ("14:02"), same zone. */
export const formatTime = (d: Date) => TIME.format(d);

/** An appointment window as text: "1 Dec 2026, 09:00 – 11:00" (same day) or both dates. */
export function formatWindow(start: Date | string | null, end: Date | string | null): string {
  if (!start || !end) return "No appointment window";
  const [s, e] = [new Date(start), new Date(end)];
  const sameDay = formatDateTime(s).split(",")[0] === formatDateTime(e).split(",")[0];
  return `${formatDateTime(s)} – ${sameDay ? formatTime(e) : formatDateTime(e)}`;
}
