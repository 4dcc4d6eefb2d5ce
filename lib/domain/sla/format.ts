// NOT-5: how the case page and lists say an SLA's state in a few words.
import type { TimerStatus } from "./timer";

/** "2h 05m", "45m", "3d 4h": working time, to the minute. */
export function durationText(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
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
  if (status === "breached") return `breached, ${durationText(leftMs)} over${hours}`;
  if (status === "paused") return `paused, ${durationText(leftMs)} left${hours}`;
  return `${durationText(leftMs)} left${hours}`;
}
