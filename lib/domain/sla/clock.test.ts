import { describe, expect, it } from "vitest";
import { slaClock } from "./clock";
import { ALWAYS, type SlaSchedule } from "./schedule";

const H = 3_600_000;
const at = (iso: string) => new Date(iso);
const start = at("2026-11-23T08:00:00Z");

describe("SLA clock (NOT-5)", () => {
  it("NOT-5: a running clock: due after the target, time left, breached once past it", () => {
    const c = slaClock(ALWAYS, {
      startedAt: start,
      targetMs: 4 * H,
      pauses: [],
      stoppedAt: null,
      now: at("2026-11-23T09:00:00Z"),
    });
    expect(c).toMatchObject({ elapsedMs: H, remainingMs: 3 * H, breached: false, paused: false });
    expect(c.dueAt?.toISOString()).toBe("2026-11-23T12:00:00.000Z");
    const late = slaClock(ALWAYS, {
      startedAt: start,
      targetMs: 4 * H,
      pauses: [],
      stoppedAt: null,
      now: at("2026-11-23T13:00:00Z"),
    });
    expect(late).toMatchObject({ breached: true, remainingMs: -H });
  });

  it("NOT-5: Awaiting Info pauses the clock; resuming moves the due time by the pause", () => {
    const pauses = [{ from: at("2026-11-23T09:00:00Z"), to: null }];
    const paused = slaClock(ALWAYS, {
      startedAt: start,
      targetMs: 4 * H,
      pauses,
      stoppedAt: null,
      now: at("2026-11-23T15:00:00Z"),
    });
    expect(paused).toMatchObject({ paused: true, breached: false, elapsedMs: H, dueAt: null });
    const resumed = slaClock(ALWAYS, {
      startedAt: start,
      targetMs: 4 * H,
      pauses: [{ from: at("2026-11-23T09:00:00Z"), to: at("2026-11-23T11:00:00Z") }],
      stoppedAt: null,
      now: at("2026-11-23T12:00:00Z"),
    });
    expect(resumed).toMatchObject({ paused: false, elapsedMs: 2 * H, breached: false });
    expect(resumed.dueAt?.toISOString()).toBe("2026-11-23T14:00:00.000Z");
  });

  it("NOT-5: a stop before the due time is met; the clock no longer moves", () => {
    const c = slaClock(ALWAYS, {
      startedAt: start,
      targetMs: 4 * H,
      pauses: [],
      stoppedAt: at("2026-11-23T10:00:00Z"),
      now: at("2026-11-24T10:00:00Z"),
    });
    expect(c).toMatchObject({ stopped: true, breached: false, elapsedMs: 2 * H });
  });

  it("NOT-5: pauses in a schedule count only working time; a pause over the weekend changes nothing", () => {
    const office: SlaSchedule = {
      kind: "hours",
      timeZone: "UTC",
      days: [1, 2, 3, 4, 5],
      startMinute: 540,
      endMinute: 1020,
    };
    // Started Friday 2026-11-20 15:00, 4 h target; paused Friday 17:00 (after hours) to Monday 09:00.
    const c = slaClock(office, {
      startedAt: at("2026-11-20T15:00:00Z"),
      targetMs: 4 * H,
      pauses: [{ from: at("2026-11-20T17:00:00Z"), to: at("2026-11-23T09:00:00Z") }],
      stoppedAt: null,
      now: at("2026-11-23T10:00:00Z"),
    });
    expect(c.elapsedMs).toBe(3 * H);
    expect(c.dueAt?.toISOString()).toBe("2026-11-23T11:00:00.000Z");
  });
});
