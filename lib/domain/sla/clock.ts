// NOT-5: one SLA's clock — counted in its schedule's working time from the moment it starts,
// paused while the case is Awaiting Info, stopped by the event it waits for (the first agent
// answer for a response SLA, Resolved for a resolution SLA).
import { addWorkingTime, workingTimeBetween, type SlaSchedule } from "./schedule";

/** A pause: from when the case went to Awaiting Info until it left (null: still paused). */
export type Pause = { from: Date; to: Date | null };

export type SlaClock = {
  /** When the target is reached in working time; null while paused short of it (no clock runs). */
  dueAt: Date | null;
  /** Working time counted so far (pauses excluded), up to `now` or the stop. */
  elapsedMs: number;
  /** Working time left (negative once breached). */
  remainingMs: number;
  paused: boolean;
  breached: boolean;
  /** Stopped by its event (met, or breached before it). */
  stopped: boolean;
};

/**
 * The clock at `now`. Pauses are in order and do not overlap (they come from the case's state
 * changes); a pause before the start or after the stop counts for nothing.
 */
export function slaClock(
  schedule: SlaSchedule,
  opts: { startedAt: Date; targetMs: number; pauses: readonly Pause[]; stoppedAt: Date | null; now: Date },
): SlaClock {
  const end = opts.stoppedAt ?? opts.now;
  // The running stretches: from the start, cut by the pauses; open-ended after the last one.
  const runs: { from: Date; to: Date | null }[] = [];
  let cursor: Date | null = opts.startedAt;
  let pausedSince: Date | null = null;
  for (const p of opts.pauses) {
    if (!cursor) break;
    if (p.to && p.to <= cursor) continue;
    if (p.from > cursor) runs.push({ from: cursor, to: p.from });
    if (p.to) cursor = p.to;
    else [pausedSince, cursor] = [p.from, null];
  }
  if (cursor) runs.push({ from: cursor, to: null });

  // Due: where the running stretches first hold the whole target (none while paused short of it).
  let dueAt: Date | null = null;
  let left = opts.targetMs;
  for (const r of runs) {
    const room = r.to ? workingTimeBetween(schedule, r.from, r.to) : Infinity;
    if (room >= left) {
      dueAt = addWorkingTime(schedule, r.from, left);
      break;
    }
    left -= room;
  }
  let elapsed = 0;
  for (const r of runs) {
    const stop = r.to && r.to < end ? r.to : end;
    if (r.from < stop) elapsed += workingTimeBetween(schedule, r.from, stop);
  }
  return {
    dueAt,
    elapsedMs: elapsed,
    remainingMs: opts.targetMs - elapsed,
    paused: pausedSince !== null && pausedSince <= end && !opts.stoppedAt,
    breached: elapsed >= opts.targetMs,
    stopped: opts.stoppedAt !== null,
  };
}
