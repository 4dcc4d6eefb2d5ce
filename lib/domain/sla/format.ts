// NOT-5: how the case page and lists say an SLA's state in a few words.
import type { TimerStatus } from "./timer";

/**
 * "2h 05m", "45m", "3d 4h": to the minute. Business time counts hours only ("48h 00m"): its "2d"
 * would read as two calendar days where 48 working hours are a week.
 */
export function durationText(ms: number, days = true): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  if (!days && minutes >= 60) return `${Math.floor(minutes / 60)}h ${String(m).padStart(2, "0")}m`;
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${String(m).padStart(2, "0")}m`;
  return `${m}m`;
}

/**
 * The chip's words. A timer that counts in business hours says so: its time left is working time,
 * while the case list's "due in" counts the calendar to the same due time — Friday 17:00 with one
 * business hour left is "1h 00m left (business hours)" here and "due in 2d 16h" there.
 */
export function timerText(status: TimerStatus, leftMs: number, businessHours = false): string {
  if (status === "met") return "met";
  const hours = businessHours ? " (business hours)" : "";
  const span = durationText(leftMs, !businessHours);
  if (status === "breached") return `breached, ${span} over${hours}`;
  if (status === "paused") return `paused, ${span} left${hours}`;
  if (status === "suspended") return `no target at this priority, ${span} was left${hours}`;
  return `${span} left${hours}`;
}
