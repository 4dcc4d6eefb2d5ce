import { describe, expect, it } from "vitest";
import { slaClock } from "./clock";
import { ALWAYS, type SlaSchedule } from "./schedule";
import {
  isOverdue,
  pauseTimer,
  resumeTimer,
  retargetTimer,
  SLA_WARNING_MS,
  startTimer,
  stopTimer,
  suspendTimer,
  timerStatus,
} from "./timer";

const H = 3_600_000;
const at = (iso: string) => new Date(iso);
const office: SlaSchedule = {
  kind: "hours",
  timeZone: "Europe/Berlin",
  days: [1, 2, 3, 4, 5],
  startMinute: 540,
  endMinute: 1020,
};

describe("SLA timers (NOT-5)", () => {
  for (const [name, s] of [
    ["24x7", ALWAYS],
    ["office hours in Berlin", office],
  ] as const) {
    it(`NOT-5: step by step, a timer keeps the clock of its whole history (${name})`, () => {
      const start = at("2026-10-23T13:00:00Z"); // a Friday, the weekend before the clocks go back
      const pauseAt = at("2026-10-23T14:30:00Z");
      const resumeAt = at("2026-10-26T10:00:00Z");
      const now = at("2026-10-26T12:00:00Z");
      let t = startTimer(s, 8 * H, start);
      t = pauseTimer(s, t, pauseAt);
      expect(t.dueAt).toBeNull();
      t = resumeTimer(s, t, resumeAt);
      const clock = slaClock(s, {
        startedAt: start,
        targetMs: 8 * H,
        pauses: [{ from: pauseAt, to: resumeAt }],
        stoppedAt: null,
        now,
      });
      expect(t.dueAt?.toISOString()).toBe(clock.dueAt?.toISOString());
      expect(t.elapsedMs).toBe(1.5 * H); // counted before the pause, in working time either way
      expect(timerStatus(s, t, now).leftMs).toBe(clock.remainingMs);
    });
  }

  it("NOT-5: a stop keeps the time counted: met before the target, breached after it", () => {
    const start = at("2026-11-23T08:00:00Z");
    const met = stopTimer(ALWAYS, startTimer(ALWAYS, 4 * H, start), at("2026-11-23T10:00:00Z"));
    expect(timerStatus(ALWAYS, met, at("2026-11-30T00:00:00Z"))).toEqual({ status: "met", leftMs: 2 * H });
    const late = stopTimer(ALWAYS, startTimer(ALWAYS, 4 * H, start), at("2026-11-23T13:00:00Z"));
    expect(timerStatus(ALWAYS, late, at("2026-11-30T00:00:00Z")).status).toBe("breached");
    expect(timerStatus(ALWAYS, startTimer(ALWAYS, 4 * H, start), at("2026-11-23T09:00:00Z")).status).toBe(
      "running",
    );
  });

  it("NOT-5: a new priority re-targets a running timer from the time already counted", () => {
    const start = at("2026-11-23T08:00:00Z");
    const t = retargetTimer(ALWAYS, startTimer(ALWAYS, 8 * H, start), 2 * H, at("2026-11-23T09:00:00Z"));
    expect(t.dueAt?.toISOString()).toBe("2026-11-23T10:00:00.000Z");
    const paused = pauseTimer(ALWAYS, startTimer(ALWAYS, 8 * H, start), at("2026-11-23T09:00:00Z"));
    expect(retargetTimer(ALWAYS, paused, 2 * H, at("2026-11-23T10:00:00Z"))).toMatchObject({
      targetMs: 2 * H,
      dueAt: null,
    });
  });

  it("NOT-5: a new priority in another clock keeps the working time counted in the old one", () => {
    const fridayEvening = at("2026-10-23T16:00:00Z"); // 18:00 in Berlin: after office hours
    const mondayEarly = at("2026-10-26T07:00:00Z"); // 08:00 in Berlin: before they open
    const low = startTimer(office, 16 * H, fridayEvening);
    // Made Critical (4 h, 24×7) on Monday 08:00: nothing was counted over the weekend.
    const critical = retargetTimer(office, low, 4 * H, mondayEarly, ALWAYS);
    expect(critical.elapsedMs).toBe(0);
    expect(critical.dueAt).toEqual(at("2026-10-26T11:00:00Z"));
    expect(timerStatus(ALWAYS, critical, mondayEarly)).toEqual({ status: "running", leftMs: 4 * H });
    // The other way: 24×7 to office hours counts the weekend's hours that did run.
    const always = startTimer(ALWAYS, 100 * H, fridayEvening);
    const office16 = retargetTimer(ALWAYS, always, 16 * H, mondayEarly, office);
    expect(office16.elapsedMs).toBe(63 * H); // Friday 16:00 to Monday 07:00 UTC, all of it
    expect(office16.dueAt).toEqual(mondayEarly); // already past its 16 working hours: due now
  });

  it("NOT-5 / NOT-2: the warning comes with 30 working minutes left, in the clock the timer counts in", () => {
    // Friday 15:00 in Berlin, 2 office hours to go: due Friday 17:00, warned 16:30.
    const friday = startTimer(office, 2 * H, at("2026-11-27T14:00:00Z"));
    expect(friday.dueAt).toEqual(at("2026-11-27T16:00:00Z"));
    expect(friday.warnAt).toEqual(at("2026-11-27T15:30:00Z"));
    // 2 h 10 m to go: due Monday 09:10 — its last 30 working minutes start Friday 16:40, not
    // Monday 08:40 (10 working minutes left, and nobody warned over the weekend).
    const overWeekend = startTimer(office, 2 * H + 10 * 60_000, at("2026-11-27T14:00:00Z"));
    expect(overWeekend.dueAt).toEqual(at("2026-11-30T08:10:00Z"));
    expect(overWeekend.warnAt).toEqual(at("2026-11-27T15:40:00Z"));
    expect(timerStatus(office, overWeekend, overWeekend.warnAt!).leftMs).toBe(SLA_WARNING_MS);
    // 24×7: 30 minutes before the due time. Less than that to go: warned at once.
    const always = startTimer(ALWAYS, 4 * H, at("2026-11-27T14:00:00Z"));
    expect(always.warnAt).toEqual(at("2026-11-27T17:30:00Z"));
    expect(startTimer(ALWAYS, 20 * 60_000, at("2026-11-27T14:00:00Z")).warnAt).toEqual(
      at("2026-11-27T14:00:00Z"),
    );
  });

  it("NOT-5: pausing, stopping, resuming and re-targeting move the warning with the due time", () => {
    const start = at("2026-11-23T08:00:00Z");
    const t = startTimer(ALWAYS, 4 * H, start);
    const paused = pauseTimer(ALWAYS, t, at("2026-11-23T09:00:00Z"));
    expect(paused).toMatchObject({ dueAt: null, warnAt: null });
    expect(startTimer(ALWAYS, 4 * H, start, true)).toMatchObject({ dueAt: null, warnAt: null });
    const resumed = resumeTimer(ALWAYS, paused, at("2026-11-23T11:00:00Z"));
    expect(resumed.warnAt).toEqual(at("2026-11-23T13:30:00Z")); // 3 h left from 11:00, less 30 min
    const retargeted = retargetTimer(ALWAYS, resumed, 8 * H, at("2026-11-23T12:00:00Z"));
    expect(retargeted.warnAt).toEqual(at("2026-11-23T17:30:00Z")); // 2 h counted: 6 h left from 12:00
    expect(stopTimer(ALWAYS, retargeted, at("2026-11-23T13:00:00Z"))).toMatchObject({
      dueAt: null,
      warnAt: null,
    });
  });

  it("NOT-5: a suspended timer keeps its counted time, does not resume with the case, and says so", () => {
    const start = at("2026-11-23T08:00:00Z");
    const t = suspendTimer(ALWAYS, startTimer(ALWAYS, 4 * H, start), at("2026-11-23T09:00:00Z"));
    expect(t).toMatchObject({ elapsedMs: H, runningSince: null, dueAt: null, warnAt: null });
    expect(t.suspendedAt).toEqual(at("2026-11-23T09:00:00Z"));
    expect(timerStatus(ALWAYS, t, at("2026-11-24T00:00:00Z"))).toEqual({
      status: "suspended",
      leftMs: 3 * H,
    });
    // Leaving Awaiting Info does not run it; a reopen un-stops it and leaves it suspended.
    expect(resumeTimer(ALWAYS, t, at("2026-11-23T10:00:00Z"))).toEqual(t);
    const stopped = stopTimer(ALWAYS, t, at("2026-11-23T11:00:00Z"));
    // Stopped while no target applied: not "met" — still "no target at this priority".
    expect(timerStatus(ALWAYS, stopped, at("2026-11-24T00:00:00Z")).status).toBe("suspended");
    expect(resumeTimer(ALWAYS, stopped, at("2026-11-23T12:00:00Z"))).toMatchObject({
      stoppedAt: null,
      runningSince: null,
      suspendedAt: t.suspendedAt,
    });
    // Past its target before it was suspended: breached it stays.
    const late = suspendTimer(ALWAYS, startTimer(ALWAYS, H, start), at("2026-11-23T10:00:00Z"));
    expect(timerStatus(ALWAYS, late, at("2026-11-24T00:00:00Z")).status).toBe("breached");
  });

  it("NOT-5: overdue — running past its due time, or paused with its target counted; a stopped timer is done", () => {
    const start = at("2026-11-23T08:00:00Z");
    const running = startTimer(ALWAYS, H, start);
    expect(isOverdue(running, at("2026-11-23T08:59:00Z"))).toBe(false);
    expect(isOverdue(running, at("2026-11-23T09:00:00Z"))).toBe(true);
    const pausedLate = pauseTimer(ALWAYS, running, at("2026-11-23T09:30:00Z"));
    expect(isOverdue(pausedLate, at("2026-11-23T09:31:00Z"))).toBe(true);
    // A higher target set while paused: no longer overdue; a lower one: overdue at once.
    expect(isOverdue(retargetTimer(ALWAYS, pausedLate, 2 * H, at("2026-11-23T09:40:00Z")), start)).toBe(
      false,
    );
    const pausedEarly = pauseTimer(ALWAYS, running, at("2026-11-23T08:40:00Z"));
    expect(isOverdue(pausedEarly, at("2026-11-23T12:00:00Z"))).toBe(false);
    expect(isOverdue(retargetTimer(ALWAYS, pausedEarly, H / 2, at("2026-11-23T12:00:00Z")), start)).toBe(
      true,
    );
    expect(
      isOverdue(stopTimer(ALWAYS, running, at("2026-11-23T10:00:00Z")), at("2026-11-23T11:00:00Z")),
    ).toBe(false);
  });
});
