const FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: process.env.TZ || "UTC" });

/** A date and time as the workspace shows it, in the server's zone (TZ, default UTC). */
export const formatDateTime = (d: Date) => FORMAT.format(d);

/** A date and time, rendered on the server. */
export function Time({ value }: { value: Date | string | null | undefined }) {
  if (!value) return <span className="text-slate-400">—</span>;
  const d = typeof value === "string" ? new Date(value) : value;
  return <time dateTime={d.toISOString()}>{formatDateTime(d)}</time>;
}
