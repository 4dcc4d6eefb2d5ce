import { describe, expect, it } from "vitest";
import { slaClock } from "./clock";
import { ALWAYS, type SlaSchedule } from "./schedule";
import { pauseTimer, resumeTimer, retargetTimer, startTimer, stopTimer, timerStatus } from "./timer";

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
});
