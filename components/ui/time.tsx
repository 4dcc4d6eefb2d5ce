import { formatDateTime, isoDateTime } from "@/lib/domain/time-format";

/** A date and time, rendered on the server. */
export function Time({ value }: { value: Date | string | null | undefined }) {
  if (!value) return <span className="cf-muted">—</span>;
  const d = typeof value === "string" ? new Date(value) : value;
  return <time dateTime={isoDateTime(d)}>{formatDateTime(d)}</time>;
}
