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

export function timerText(status: TimerStatus, leftMs: number): string {
  if (status === "met") return "met";
  if (status === "breached") return `breached, ${durationText(leftMs)} over`;
  if (status === "paused") return `paused, ${durationText(leftMs)} left`;
  return `${durationText(leftMs)} left`;
}
