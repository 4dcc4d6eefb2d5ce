import { describe, expect, it, vi } from "vitest";
import { instantOfWallTime, wallTimeOf } from "./wall-time";

describe("date and time fields in the workspace's zone (FSM-3, ITSM-1, REL-1)", () => {
  it("FSM-3: a wall time typed in UTC is that instant; shown again, the same text", () => {
    const iso = instantOfWallTime("2026-12-01T10:30", "UTC");
    expect(new Date(iso).toISOString()).toBe("2026-12-01T10:30:00.000Z");
    expect(wallTimeOf(new Date(iso), "UTC")).toBe("2026-12-01T10:30");
  });

  it("FSM-3: in Europe/Berlin a winter wall time is an hour ahead of UTC, a summer one two", () => {
    expect(new Date(instantOfWallTime("2026-12-01T10:30", "Europe/Berlin")).toISOString()).toBe(
      "2026-12-01T09:30:00.000Z",
    );
    expect(new Date(instantOfWallTime("2026-07-01T10:30", "Europe/Berlin")).toISOString()).toBe(
      "2026-07-01T08:30:00.000Z",
    );
    expect(wallTimeOf("2026-07-01T08:30:00Z", "Europe/Berlin")).toBe("2026-07-01T10:30");
    expect(wallTimeOf(new Date("2026-12-01T09:30:00Z"), "America/New_York")).toBe("2026-12-01T04:30");
  });

  it("FSM-3: a wall time a spring-forward night skips moves forward by the gap, and round-trips after it", () => {
    // Berlin, 29 March 2026: 02:00 → 03:00.
    const skipped = instantOfWallTime("2026-03-29T02:30", "Europe/Berlin");
    expect(new Date(skipped).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(wallTimeOf(skipped, "Europe/Berlin")).toBe("2026-03-29T03:30");
  });

  it("FSM-3: a wall time a fall-back night repeats is the earlier instant, whatever the day it is typed", () => {
    // Berlin, 25 October 2026: 03:00 CEST → 02:00 CET, so 02:30 happens twice (00:30Z and 01:30Z).
    try {
      for (const today of ["2026-07-01T12:00:00Z", "2026-12-01T12:00:00Z"]) {
        vi.useFakeTimers({ now: new Date(today) });
        expect(new Date(instantOfWallTime("2026-10-25T02:30", "Europe/Berlin")).toISOString(), today).toBe(
          "2026-10-25T00:30:00.000Z",
        );
        vi.useRealTimers();
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it("REL-1: an empty or unreadable field gives no instant (the server names the field)", () => {
    expect(instantOfWallTime("", "UTC")).toBe("");
    expect(instantOfWallTime("2026-13-45T99:00", "UTC")).toBe("");
    expect(wallTimeOf(null, "UTC")).toBe("");
    expect(wallTimeOf("not a date", "UTC")).toBe("");
  });
});
