import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAdmin, makeAgent } from "@/lib/testing/fixtures";
import { listSlaSettings, saveSlaHours, saveSlaTarget } from "./admin";

// Earlier files of this worker (the REL-1 sweep of every action) may have saved these already.
beforeAll(async () => {
  await db().slaTarget.deleteMany();
  await db().slaHours.deleteMany();
});
afterAll(async () => {
  await db().slaTarget.deleteMany();
  await db().slaHours.deleteMany();
});

describe("/admin/slas (NOT-5)", () => {
  it("NOT-5: an admin sets a priority's targets and the business hours; bad input names its field and saves nothing", async () => {
    const admin = await makeAdmin();
    await expect(
      saveSlaTarget(admin, { priority: "2", responseMinutes: "0", resolutionMinutes: "", clock: "24x7" }),
    ).rejects.toMatchObject({ fields: { responseMinutes: expect.stringMatching(/at least 1 minute/) } });
    expect(await db().slaTarget.count({ where: { priority: 2 } })).toBe(0);
    await saveSlaTarget(admin, {
      priority: "2",
      responseMinutes: "60",
      resolutionMinutes: "480",
      clock: "24x7",
    });
    await expect(
      saveSlaHours(admin, { days: "1,2,3,4,5", start: "17:00", end: "09:00", timeZone: "Mars/Olympus" }),
    ).rejects.toMatchObject({
      fields: { end: "End must be after Start.", timeZone: expect.stringMatching(/IANA/) },
    });
    await saveSlaHours(admin, { days: "5,1,2", start: "08:30", end: "17:00", timeZone: "Europe/Berlin" });
    const settings = await listSlaSettings(admin);
    expect(settings.targets.find((t) => t.priority === 2)).toMatchObject({
      responseMinutes: 60,
      resolutionMinutes: 480,
      version: 1,
    });
    expect(settings.hours).toMatchObject({
      days: [1, 2, 5],
      start: "08:30",
      end: "17:00",
      timeZone: "Europe/Berlin",
    });
    // REC-6: a save from a page that showed the older version is stale.
    await expect(
      saveSlaTarget(admin, {
        priority: "2",
        responseMinutes: "30",
        resolutionMinutes: "",
        clock: "24x7",
        version: "0",
      }),
    ).rejects.toThrow();
    await expect(listSlaSettings(await makeAgent())).rejects.toThrow(/administrators/);
  });

  it("NOT-5: a business-hours target falls due within a year of the hours — a target past it, or hours too narrow for one, are refused naming the field", async () => {
    const admin = await makeAdmin();
    const narrow = { days: "1", start: "09:00", end: "09:01", timeZone: "UTC" };
    await saveSlaHours(admin, {
      ...narrow,
      version: String((await listSlaSettings(admin)).hours?.version ?? 0),
    });
    // One working minute a week: 52 a year. A day's target in those hours would fall due in 27 years.
    await expect(
      saveSlaTarget(admin, { priority: "4", responseMinutes: "", resolutionMinutes: "1440", clock: "hours" }),
    ).rejects.toMatchObject({
      field: "resolutionMinutes",
      message: expect.stringMatching(
        /^Resolution target of 1,440 minutes is more working time than .* \(52 minutes\)/,
      ),
    });
    expect(await db().slaTarget.count({ where: { priority: 4 } })).toBe(0);
    // Counted 24×7 it is taken.
    await saveSlaTarget(admin, {
      priority: "4",
      responseMinutes: "",
      resolutionMinutes: "1440",
      clock: "24x7",
    });
    // Wider hours, then the target in them; narrowing the hours again is refused while it counts in them.
    const hours = (await listSlaSettings(admin)).hours!;
    const wide = {
      days: "1,2,3,4,5",
      start: "09:00",
      end: "17:00",
      timeZone: "UTC",
      version: String(hours.version),
    };
    await saveSlaHours(admin, wide);
    await saveSlaTarget(admin, {
      priority: "4",
      responseMinutes: "",
      resolutionMinutes: "1440",
      clock: "hours",
      version: "1",
    });
    await expect(
      saveSlaHours(admin, { ...narrow, version: String(hours.version + 1) }),
    ).rejects.toMatchObject({
      field: "end",
      message: expect.stringMatching(/^Priority 4 - Low's Resolution target of 1,440 minutes/),
    });
    expect((await listSlaSettings(admin)).hours).toMatchObject({ start: "09:00", end: "17:00" });
  });
});
