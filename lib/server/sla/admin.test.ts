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
});
