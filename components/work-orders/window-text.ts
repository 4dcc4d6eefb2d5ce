import { formatDateTime, formatTime } from "@/lib/domain/time-format";

/** An appointment window as text: "1 Dec 2026, 09:00 – 11:00" (same day) or both dates. */
export function formatWindow(start: Date | string | null, end: Date | string | null): string {
  if (!start || !end) return "No appointment window";
  const [s, e] = [new Date(start), new Date(end)];
  const sameDay = formatDateTime(s).split(",")[0] === formatDateTime(e).split(",")[0];
  return `${formatDateTime(s)} – ${sameDay ? formatTime(e) : formatDateTime(e)}`;
}
