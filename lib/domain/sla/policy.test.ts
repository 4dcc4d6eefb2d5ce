import { describe, expect, it } from "vitest";
import { slaHoursSchema, slaTargetSchema } from "./policy";

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]);

describe("NOT-5: the SLA admin forms' rules", () => {
  it("NOT-5: a response target longer than the resolution target is refused, naming the resolution", () => {
    const target = { priority: "2", clock: "24x7", responseMinutes: "600", resolutionMinutes: "60" };
    expect(issues(slaTargetSchema.safeParse(target))).toEqual([
      ["resolutionMinutes", "Resolution target must be at least the response target."],
    ]);
    expect(slaTargetSchema.safeParse({ ...target, responseMinutes: "60" }).success).toBe(true);
    // Either alone is fine.
    expect(slaTargetSchema.safeParse({ ...target, resolutionMinutes: "" }).success).toBe(true);
  });

  it("NOT-5: a Start that is not a time is its own error, without End's", () => {
    const hours = { days: "1,2,3,4,5", start: "9am", end: "17:00", timeZone: "Europe/Berlin" };
    expect(issues(slaHoursSchema.safeParse(hours))).toEqual([
      ["start", "Start must be a time such as 09:00."],
    ]);
    expect(issues(slaHoursSchema.safeParse({ ...hours, start: "18:00" }))).toEqual([
      ["end", "End must be after Start."],
    ]);
  });
});
