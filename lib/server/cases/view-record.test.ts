import { describe, expect, it } from "vitest";
import { slasOf } from "./view-record";

const H = 3_600_000;
const hours = { days: "1,2,3,4,5", startMinute: 540, endMinute: 1020, timeZone: "UTC" };
const timer = (over: Partial<Parameters<typeof slasOf>[0]["slas"][number]> = {}) => ({
  id: 1,
  kind: "resolution",
  clock: "hours",
  targetMs: 8 * H,
  elapsedMs: 59 * H,
  runningSince: null,
  dueAt: "2026-11-23T17:00:00.000Z",
  stoppedAt: "2026-11-30T12:00:00.000Z",
  suspendedAt: null,
  ...over,
});

describe("the case page's SLA lines", () => {
  it("NOT-5: a stopped business-hours timer says it counted working time (51 working hours over, not '2d 3h')", () => {
    const [line] = slasOf({ slas: [timer()], slaHours: hours });
    expect(line).toMatchObject({ status: "breached", text: "breached, 51h 00m over (business hours)" });
  });

  it("NOT-5: a running business-hours timer counts in the hours; a 24x7 one in the calendar", () => {
    const now = new Date("2026-11-23T13:00:00Z"); // a Monday
    const running = timer({ elapsedMs: 0, runningSince: "2026-11-23T09:00:00.000Z", stoppedAt: null });
    const calendar = timer({ ...running, id: 2, kind: "response", clock: "24x7", targetMs: 2 * H });
    const lines = slasOf({ slas: [running, calendar], slaHours: hours }, now);
    expect(lines.map((l) => l.text)).toEqual(["4h 00m left (business hours)", "breached, 2h 00m over"]);
  });
});
