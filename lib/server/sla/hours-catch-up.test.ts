// NOT-5: a timer counted in older business hours than the saved ones — a case made, or a timer
// resumed or re-targeted, while new hours were being saved — is recounted by the SLA job. Before, it
// kept the old hours' due time until its next step: the save recounts the timers there are when it
// reads them, and a change committed after that read was not among them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, dialect, transaction } from "@/lib/db";
import { scheduleOf, type SlaHours } from "@/lib/domain/sla/policy";
import { addWorkingTime } from "@/lib/domain/sla/schedule";
import { makeAdmin, makeAgent, makeCase } from "@/lib/testing/fixtures";
import { withSlaTargets } from "@/lib/testing/sla";
import { saveSlaHours } from "./admin";
import { catchUpHoursTimers } from "./rehours";

const H = 3_600_000;
const utc: SlaHours = { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020, timeZone: "UTC" };
const start = new Date("2026-11-23T09:00:00Z"); // a Monday, 09:00 in UTC hours
const now = new Date("2026-11-23T13:00:00Z"); // 4 h counted

withSlaTargets([{ priority: 4, responseMinutes: null, resolutionMinutes: 480, clock: "hours" }]);
beforeAll(() => db().slaHours.deleteMany());
afterAll(() => db().slaHours.deleteMany());

/** A case's 8-hour resolution timer in business hours, running since Monday 09:00. */
async function timerOn(data: { clock?: string; hoursVersion: number; running?: boolean }) {
  const c = await makeCase(await makeAgent(), { priority: 3 });
  await db().caseSla.deleteMany({ where: { caseId: c.id } });
  return db().caseSla.create({
    data: {
      caseId: c.id,
      kind: "resolution",
      clock: data.clock ?? "hours",
      targetMs: 8 * H,
      elapsedMs: 0,
      runningSince: data.running === false ? null : start,
      // As counted in other hours (New York's: due an hour later).
      dueAt: data.running === false ? null : new Date("2026-11-23T18:00:00Z"),
      hoursVersion: data.hoursVersion,
    },
  });
}

describe("timers counted in older business hours (NOT-5)", () => {
  it("NOT-5: the SLA job recounts a running timer counted in older hours than the saved ones, and only those", async () => {
    await db().slaHours.create({
      data: { id: 1, days: "1,2,3,4,5", startMinute: 540, endMinute: 1020, timeZone: "UTC", version: 5 },
    });
    try {
      const behind = await timerOn({ hoursVersion: 4 });
      const current = await timerOn({ hoursVersion: 5 });
      const aroundTheClock = await timerOn({ clock: "24x7", hoursVersion: 4 });
      const paused = await timerOn({ hoursVersion: 4, running: false });
      expect(await catchUpHoursTimers({ now })).toBeGreaterThanOrEqual(1);
      const after = await db().caseSla.findUniqueOrThrow({ where: { id: behind.id } });
      // 4 of 8 working hours counted (Monday 09–13 UTC), the rest due at 17:00 in the saved hours.
      expect(after).toMatchObject({
        elapsedMs: 4 * H,
        runningSince: now,
        dueAt: new Date("2026-11-23T17:00:00Z"),
        warnAt: new Date("2026-11-23T16:30:00Z"),
        hoursVersion: 5,
      });
      expect((await db().case.findUniqueOrThrow({ where: { id: behind.caseId } })).slaDueAt).toEqual(
        after.dueAt,
      );
      for (const left of [current, aroundTheClock, paused])
        expect(await db().caseSla.findUniqueOrThrow({ where: { id: left.id } })).toEqual(left);
      expect(await catchUpHoursTimers({ now })).toBe(0);
    } finally {
      await db().slaHours.deleteMany();
    }
  });

  it("NOT-5: a case made while new business hours are being saved is due by the new hours once the job has passed", async () => {
    const admin = await makeAdmin();
    const agent = await makeAgent();
    const everyDay = "1,2,3,4,5,6,7";
    await saveSlaHours(admin, { days: everyDay, start: "09:00", end: "17:00", timeZone: "UTC" });
    try {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let saved!: () => void;
      const written = new Promise<void>((r) => (saved = r));
      const save = transaction(async (tx) => {
        await saveSlaHours(
          admin,
          { days: everyDay, start: "00:00", end: "23:59", timeZone: "UTC", version: "1" },
          tx,
        );
        saved();
        await gate;
      });
      await written;
      // PostgreSQL makes the case meanwhile, counted in the hours it can read: the old ones. SQLite
      // makes it after the save (one write transaction at a time).
      const creating = makeCase(agent, { priority: 4 });
      await Promise.race([creating, new Promise((r) => setTimeout(r, 2_000))]);
      release();
      await save;
      const c = await creating;
      const before = await db().caseSla.findUniqueOrThrow({
        where: { caseId_kind: { caseId: c.id, kind: "resolution" } },
      });
      if (dialect() === "postgresql") expect(before.hoursVersion).toBe(1); // the race formed
      await catchUpHoursTimers();
      const t = await db().caseSla.findUniqueOrThrow({ where: { id: before.id } });
      expect(t.hoursVersion).toBe(2);
      const hours = scheduleOf("hours", {
        ...utc,
        days: [1, 2, 3, 4, 5, 6, 7],
        startMinute: 0,
        endMinute: 1439,
      });
      expect(t.dueAt).toEqual(addWorkingTime(hours, t.runningSince!, t.targetMs - t.elapsedMs));
      expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).slaDueAt).toEqual(t.dueAt);
    } finally {
      await db().slaHours.deleteMany();
    }
  });
});
