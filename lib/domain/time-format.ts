// How the workspace writes times: en-GB, in the server's zone (TZ, default UTC). Formatted on the
// server (pages, the journal route) so every reader sees the same text; the zone is configuration,
// read once, and formatting stays a pure function of the date. Never from a client component: the
// browser has no TZ, so it would write another time than the server (time-format.test.ts checks).
const timeZone = process.env.TZ || "UTC";
/** The zone pages show times in, and date fields are typed in (lib/domain/wall-time.ts). */
export const WORKSPACE_TIME_ZONE = timeZone;

const FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });

const TIME = new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone });

/**
 * A function of an instant, with the texts it has already written kept by instant. ICU's `format`
 * costs ~1 µs a call, `toISOString` ~0.4 µs, and a case list writes 50 of each a request, mostly
 * for the same rows as the request before (PERF-8). The text depends on the instant alone (the
 * zone is read once), so the memo is exact. Hand-written: a Map emptied when it fills is enough
 * here, and costs less per lookup than an LRU library's bookkeeping.
 */
function keptByInstant(write: (d: Date) => string): (d: Date) => string {
  const kept = new Map<number, string>();
  return (d) => {
    const at = d.getTime();
    let text = kept.get(at);
    if (text === undefined) {
      text = write(d); // an invalid date throws here, as before, and is not kept
      if (kept.size >= KEPT_MAX) kept.clear();
      kept.set(at, text);
    }
    return text;
  };
}
const KEPT_MAX = 10_000;

/** A date and time as the workspace shows it, in the server's zone (TZ, default UTC). */
export const formatDateTime = keptByInstant((d) => FORMAT.format(d));

/**
 * A list cell's date and time: formatDateTime's text with no-break spaces in the date, so a narrow
 * cell wraps it only before the time ("28 Nov 2026," / "10:30"), never inside the date.
 */
export const formatListDateTime = keptByInstant((d) => {
  const text = FORMAT.format(d);
  const comma = text.lastIndexOf(", ");
  return comma < 0 ? text : text.slice(0, comma).replaceAll(" ", "\u00a0") + text.slice(comma);
});

/** The instant as ISO 8601 text (a `<time dateTime>`): `toISOString`, kept like formatDateTime. */
export const isoDateTime = keptByInstant((d) => d.toISOString());

/** The time of day alone ("14:02"), same zone. */
export const formatTime = (d: Date) => TIME.format(d);

/** An appointment window as text: "1 Dec 2026, 09:00 – 11:00" (same day) or both dates. */
export function formatWindow(
  start: Date | string | null,
  end: Date | string | null,
  { zone = false }: { zone?: boolean } = {},
): string {
  if (!start || !end) return "No appointment window";
  const [s, e] = [new Date(start), new Date(end)];
  const sameDay = formatDateTime(s).split(",")[0] === formatDateTime(e).split(",")[0];
  // `zone`: the portal names the zone (its readers are anywhere; the workspace's fields name it).
  return `${formatDateTime(s)} – ${sameDay ? formatTime(e) : formatDateTime(e)}${zone ? ` (${timeZone})` : ""}`;
}
