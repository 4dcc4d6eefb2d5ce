// NOT-5: an SLA timer as stored on a case — enough to answer "when is it due" with an index
// (dueAt) without replaying its history. Each change of the case moves it by one of these pure
// steps, in the transaction of the change; lib/domain/sla/clock.ts states the same clock from a
// whole history, and the tests hold the two to each other.
import { addWorkingTime, workingTimeBetween, type SlaSchedule } from "./schedule";

export type SlaTimer = {
  targetMs: number;
  /** Working time counted before `runningSince` (the stretches before the last pause). */
  elapsedMs: number;
  /** Counting since then; null while paused or stopped. */
  runningSince: Date | null;
  /** When the target is reached if it keeps running; null while paused or stopped. */
  dueAt: Date | null;
  /** When SLA_WARNING_MS of working time is left if it keeps running; null while paused or stopped. */
  warnAt: Date | null;
  stoppedAt: Date | null;
  /**
   * Since when the case's priority has no target of this kind: the timer keeps what it counted (and
   * its breach) and does not run until a priority with a target re-targets it.
   */
  suspendedAt: Date | null;
};

/** An SLA is "about to breach" when this little working time is left (NOT-2's warning, WRK-2). */
export const SLA_WARNING_MS = 30 * 60_000;

/**
 * The due and warning times of a timer counting from `from`. Both in working time: a business-hours
 * timer due Monday 09:10 (hours 09:00–17:00) has its last 30 working minutes from Friday 16:40 — the
 * warning comes then, not 30 clock minutes before the due time (Monday 08:40, with 10 minutes left).
 */
function times(s: SlaSchedule, from: Date, targetMs: number, elapsedMs: number) {
  const left = Math.max(0, targetMs - elapsedMs);
  return { dueAt: addWorkingTime(s, from, left), warnAt: addWorkingTime(s, from, left - SLA_WARNING_MS) };
}

const idle = { runningSince: null, dueAt: null, warnAt: null };

export function startTimer(s: SlaSchedule, targetMs: number, now: Date, paused = false): SlaTimer {
  const clock = paused ? idle : { runningSince: now, ...times(s, now, targetMs, 0) };
  return { targetMs, elapsedMs: 0, ...clock, stoppedAt: null, suspendedAt: null };
}

/** What reading a timer's state needs (the case page reads no warning time). */
export type TimerReading = Pick<
  SlaTimer,
  "targetMs" | "elapsedMs" | "runningSince" | "stoppedAt" | "suspendedAt"
>;

/** Working time counted up to `now`. */
export function elapsedAt(s: SlaSchedule, t: TimerReading, now: Date): number {
  return t.elapsedMs + (t.runningSince ? workingTimeBetween(s, t.runningSince, now) : 0);
}

/** Awaiting Info: the clock stops counting (a paused or stopped timer is left as it is). */
export function pauseTimer(s: SlaSchedule, t: SlaTimer, now: Date): SlaTimer {
  if (!t.runningSince) return t;
  return { ...t, elapsedMs: elapsedAt(s, t, now), ...idle };
}

/**
 * Leaving Awaiting Info (or a reopened case): counting goes on from `now` — not for a suspended
 * timer, which a reopen only un-stops (it runs again once a priority with a target re-targets it).
 */
export function resumeTimer(s: SlaSchedule, t: SlaTimer, now: Date): SlaTimer {
  if (t.runningSince) return t;
  if (t.suspendedAt) return { ...t, stoppedAt: null };
  return { ...t, runningSince: now, ...times(s, now, t.targetMs, t.elapsedMs), stoppedAt: null };
}

/** The event the SLA waits for happened: the time counted is kept, the clock no longer runs. */
export function stopTimer(s: SlaSchedule, t: SlaTimer, now: Date): SlaTimer {
  if (t.stoppedAt) return t;
  return { ...t, elapsedMs: elapsedAt(s, t, now), ...idle, stoppedAt: now };
}

/**
 * The case's new priority has no target of this kind: the timer stops counting but keeps what it
 * counted and its breach (deleted, moving a case to such a priority and back reset its SLA).
 */
export function suspendTimer(s: SlaSchedule, t: SlaTimer, now: Date): SlaTimer {
  if (t.stoppedAt || t.suspendedAt) return t;
  return { ...t, elapsedMs: elapsedAt(s, t, now), ...idle, suspendedAt: now };
}

/**
 * A new target (the case's priority changed): the time counted stays, the due time moves. The new
 * priority may count in another clock (`next`: 24×7 against business hours): the time so far is
 * counted in the clock it ran in (`s`), the rest in the new one — a Low case opened Friday evening
 * in business hours has counted nothing by Monday 08:00, and made Critical (24×7) then it is due
 * 4 hours later, not at once for the weekend's 62 calendar hours.
 */
export function retargetTimer(
  s: SlaSchedule,
  t: SlaTimer,
  targetMs: number,
  now: Date,
  next: SlaSchedule = s,
): SlaTimer {
  if (t.stoppedAt) return { ...t, targetMs };
  if (!t.runningSince) return { ...t, targetMs };
  const elapsed = elapsedAt(s, t, now);
  return { ...t, targetMs, elapsedMs: elapsed, runningSince: now, ...times(next, now, targetMs, elapsed) };
}

/**
 * The timer has reached its target and counts no more toward it being met: running past its due
 * time, or paused or suspended with its whole target counted (a lower target set while it was
 * paused). A stopped timer is met or breached for good; this asks about the ones still open.
 */
export function isOverdue(
  t: Pick<SlaTimer, "targetMs" | "elapsedMs" | "runningSince" | "dueAt" | "stoppedAt">,
  now: Date,
): boolean {
  if (t.stoppedAt) return false;
  return t.runningSince ? !!t.dueAt && t.dueAt <= now : t.elapsedMs >= t.targetMs;
}

export type TimerStatus = "running" | "paused" | "suspended" | "met" | "breached";

/** What the case page and lists say of a timer at `now`. */
export function timerStatus(
  s: SlaSchedule,
  t: TimerReading,
  now: Date,
): { status: TimerStatus; leftMs: number } {
  const left = t.targetMs - elapsedAt(s, t, t.stoppedAt ?? now);
  if (left <= 0) return { status: "breached", leftMs: left };
  // Stopped while suspended (accepted or resolved at a priority without a target): not "met".
  if (t.suspendedAt) return { status: "suspended", leftMs: left };
  if (t.stoppedAt) return { status: "met", leftMs: left };
  return { status: t.runningSince ? "running" : "paused", leftMs: left };
}
