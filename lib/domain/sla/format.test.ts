import { describe, expect, it } from "vitest";
import { durationText, timerText } from "./format";

const H = 3_600_000;

describe("NOT-5: an SLA's words", () => {
  it("NOT-5: durations to the minute, days past 24 hours", () => {
    expect(durationText(45 * 60_000)).toBe("45m");
    expect(durationText(2 * H + 5 * 60_000)).toBe("2h 05m");
    expect(durationText(-(76 * H))).toBe("3d 4h");
  });

  it("NOT-5: a timer on the calendar says time left alone", () => {
    expect(timerText("running", H)).toBe("1h 00m left");
    expect(timerText("paused", H)).toBe("paused, 1h 00m left");
    expect(timerText("breached", -H)).toBe("breached, 1h 00m over");
    expect(timerText("suspended", H)).toBe("no target at this priority, 1h 00m was left");
  });

  it("NOT-5: a timer in business hours says its time is working time (the list's 'due in' is calendar time)", () => {
    expect(timerText("running", H, true)).toBe("1h 00m left (business hours)");
    expect(timerText("paused", H, true)).toBe("paused, 1h 00m left (business hours)");
    expect(timerText("breached", -H, true)).toBe("breached, 1h 00m over (business hours)");
    expect(timerText("met", 0, true)).toBe("met");
    // 48 working hours are not "2d": a week of office hours.
    expect(timerText("running", 48 * H, true)).toBe("48h 00m left (business hours)");
    expect(timerText("running", 48 * H)).toBe("2d 0h left");
  });
});
