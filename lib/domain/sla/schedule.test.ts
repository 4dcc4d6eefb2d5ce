import { describe, expect, it } from "vitest";
import { addWorkingTime, isTimeZone, workingTimeBetween, ALWAYS, type SlaSchedule } from "./schedule";

const H = 3_600_000;
const at = (iso: string) => new Date(iso);
/** Monday to Friday, 09:00–17:00 in New York. */
const office: SlaSchedule = {
  kind: "hours",
  timeZone: "America/New_York",
  days: [1, 2, 3, 4, 5],
  startMinute: 540,
  endMinute: 1020,
};

describe("SLA schedules (NOT-5)", () => {
  it("NOT-5: around the clock, working time is elapsed time", () => {
    expect(addWorkingTime(ALWAYS, at("2026-03-07T23:00:00Z"), 4 * H).toISOString()).toBe(
      "2026-03-08T03:00:00.000Z",
    );
    expect(workingTimeBetween(ALWAYS, at("2026-03-07T23:00:00Z"), at("2026-03-08T03:00:00Z"))).toBe(4 * H);
  });

  it("NOT-5: a weekend is skipped: Friday 16:00 + 2 working hours is Monday 10:00 local", () => {
    // Friday 2026-11-20 16:00 EST = 21:00Z; Monday 2026-11-23 10:00 EST = 15:00Z.
    const due = addWorkingTime(office, at("2026-11-20T21:00:00Z"), 2 * H);
    expect(due.toISOString()).toBe("2026-11-23T15:00:00.000Z");
    expect(workingTimeBetween(office, at("2026-11-20T21:00:00Z"), due)).toBe(2 * H);
  });

  it("NOT-5: outside hours the clock waits for the next working morning", () => {
    // Tuesday 2026-11-24 20:00 EST (01:00Z Wednesday) + 1 h → Wednesday 10:00 EST.
    expect(addWorkingTime(office, at("2026-11-25T01:00:00Z"), H).toISOString()).toBe(
      "2026-11-25T15:00:00.000Z",
    );
  });

  it("NOT-5: the working day keeps its local hours across the DST change (UTC moves by an hour)", () => {
    // US DST starts Sunday 2026-03-08. Friday 2026-03-06 16:00 EST (21:00Z) + 2 h → Monday 10:00 EDT = 14:00Z.
    expect(addWorkingTime(office, at("2026-03-06T21:00:00Z"), 2 * H).toISOString()).toBe(
      "2026-03-09T14:00:00.000Z",
    );
  });

  it("NOT-5: a night schedule loses an hour on the spring-forward night and gains one in the autumn", () => {
    const nights: SlaSchedule = {
      kind: "hours",
      timeZone: "Europe/Berlin",
      days: [1, 2, 3, 4, 5, 6, 7],
      startMinute: 60, // 01:00
      endMinute: 300, // 05:00
    };
    // 2026-03-29: 02:00 → 03:00 in Berlin; 01:00–05:00 local is 3 real hours (00:00Z–03:00Z).
    expect(workingTimeBetween(nights, at("2026-03-28T22:00:00Z"), at("2026-03-29T12:00:00Z"))).toBe(3 * H);
    // 2026-10-25: 03:00 → 02:00; 01:00–05:00 local is 5 real hours (23:00Z–04:00Z).
    expect(workingTimeBetween(nights, at("2026-10-24T20:00:00Z"), at("2026-10-25T12:00:00Z"))).toBe(5 * H);
  });

  it("NOT-5: zones are checked by name", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });

  it("NOT-5: a schedule walked for many timers (its days kept) counts as a fresh one does, across DST changes", () => {
    const zones = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "UTC"];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648), seed % n);
    for (const timeZone of zones) {
      const hours = (): SlaSchedule => ({
        kind: "hours",
        timeZone,
        days: [1, 2, 3, 5, 6],
        startMinute: 60,
        endMinute: 1440,
      });
      const shared = hours();
      for (let i = 0; i < 200; i++) {
        const start = new Date(Date.UTC(2026, 0, 1) + rand(365 * 24) * 3_600_000 + rand(60) * 60_000);
        const ms = (1 + rand(200 * 60)) * 60_000;
        const due = addWorkingTime(shared, start, ms);
        expect(due).toEqual(addWorkingTime(hours(), start, ms));
        expect(workingTimeBetween(shared, start, due)).toBe(ms);
        expect(workingTimeBetween(hours(), start, due)).toBe(ms);
      }
    }
  });
});
