// NOT-5: saving new business hours moves the running timers counted in them — what was counted stays,
// the rest counts in the new hours — so the job breaches when the case page says it will.
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import type { SlaHours } from "@/lib/domain/sla/policy";
import { scheduleOf } from "@/lib/domain/sla/policy";
import { retargetTimer } from "@/lib/domain/sla/timer";
import { makeAgent, makeCase, unique } from "@/lib/testing/fixtures";
import { untilWaiting } from "@/lib/testing/locks";
import { lockRows } from "../tables/row-locks";
import { recountHoursTimers } from "./rehours";

const H = 3_600_000;
const weekdays = [1, 2, 3, 4, 5] as SlaHours["days"];
const utc: SlaHours = { days: weekdays, startMinute: 540, endMinute: 1020, timeZone: "UTC" };
const newYork: SlaHours = { ...utc, timeZone: "America/New_York" };

const start = new Date("2026-11-23T09:00:00Z"); // a Monday, 09:00 in UTC hours
const now = new Date("2026-11-23T13:00:00Z"); // 4 h counted; New York opens at 14:00Z

/** The case's 8-hour resolution timer, in business hours, running since Monday 09:00 (UTC hours). */
const runningSinceMonday = (caseId: number) =>
  db().caseSla.create({
    data: {
      caseId,
      kind: "resolution",
      clock: "hours",
      targetMs: 8 * H,
      elapsedMs: 0,
      runningSince: start,
      dueAt: new Date("2026-11-23T17:00:00Z"),
    },
  });

describe("new business hours move the running timers (NOT-5)", () => {
  it("NOT-5: a timer 4 of 8 working hours in keeps them and is due 4 New York working hours later", async () => {
    const c = await makeCase(await makeAgent());
    const running = await runningSinceMonday(c.id);
    const paused = await db().caseSla.create({
      data: {
        caseId: c.id,
        kind: "response",
        clock: "hours",
        targetMs: H,
        elapsedMs: 600_000,
        runningSince: null,
      },
    });
    await db().case.update({ where: { id: c.id }, data: { slaDueAt: running.dueAt } });

    const moved = await transaction((tx) => recountHoursTimers(tx, utc, { ...newYork, version: 2 }, now));
    expect(moved).toBeGreaterThanOrEqual(1);
    const after = await db().caseSla.findUniqueOrThrow({ where: { id: running.id } });
    expect(after.elapsedMs).toBe(4 * H);
    expect(after.runningSince).toEqual(now);
    expect(after.dueAt).toEqual(new Date("2026-11-23T18:00:00Z"));
    expect(after.warnAt).toEqual(new Date("2026-11-23T17:30:00Z"));
    expect(await db().case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      slaDueAt: after.dueAt,
      slaWarnAt: after.warnAt,
    });
    // A paused timer keeps what it counted; it takes the new hours when it runs again.
    expect(await db().caseSla.findUniqueOrThrow({ where: { id: paused.id } })).toMatchObject({
      elapsedMs: 600_000,
      runningSince: null,
      dueAt: null,
    });
  });

  it("NOT-5: 2,500 timers started at different times are each recounted, 2,000 a statement", async () => {
    const tag = unique("RH");
    await db().case.createMany({
      data: Array.from({ length: 1_250 }, (_, i) => ({ number: `${tag}-${i}`, shortDescription: "Recount" })),
    });
    const cases = await db().case.findMany({
      where: { number: { startsWith: `${tag}-` } },
      select: { id: true },
    });
    const monday = Date.parse("2026-11-23T09:00:00Z");
    const now = new Date("2026-11-23T13:00:00Z");
    await db().caseSla.createMany({
      data: cases.flatMap((c, i) =>
        ["response", "resolution"].map((kind, k) => ({
          caseId: c.id,
          kind,
          clock: "hours",
          targetMs: 8 * H,
          elapsedMs: 0,
          // Each timer started at its own second: no two come out alike.
          runningSince: new Date(monday + (i * 2 + k) * 1000),
          dueAt: new Date(monday + 8 * H),
        })),
      ),
    });
    const ids = cases.map((c) => c.id);
    const before = await db().caseSla.findMany({ where: { caseId: { in: ids } }, orderBy: { id: "asc" } });
    const moved = await transaction((tx) => recountHoursTimers(tx, utc, { ...newYork, version: 2 }, now));
    expect(moved).toBeGreaterThanOrEqual(2_500);
    const after = await db().caseSla.findMany({ where: { caseId: { in: ids } }, orderBy: { id: "asc" } });
    const schedule = (h: SlaHours) => scheduleOf("hours", h);
    after.forEach((t, i) => {
      const expected = retargetTimer(schedule(utc), before[i], before[i].targetMs, now, schedule(newYork));
      expect(t.elapsedMs).toBe(expected.elapsedMs);
      expect(t.dueAt).toEqual(expected.dueAt);
      expect(t.runningSince).toEqual(now);
    });
    // The last timer started 2,499 s after the first: each counted its own time.
    expect(after[0].elapsedMs - after.at(-1)!.elapsedMs).toBe(2_499_000);
  }, 60_000);

  it("NOT-5: a case saved with a new target while the hours are saved keeps its new target's due time (cases locked first)", async () => {
    const c = await makeCase(await makeAgent());
    const timer = await runningSinceMonday(c.id);
    // A case save (a new priority: a 6-hour target) holds the case and has moved its timer, not yet
    // committed, while the admin saves the new hours.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let moved!: () => void;
    const saved = new Promise<void>((r) => (moved = r));
    const save = transaction(async (tx) => {
      await lockRows(tx, "Case", [c.id]);
      await tx.caseSla.update({
        where: { id: timer.id },
        data: { targetMs: 6 * H, dueAt: new Date("2026-11-23T15:00:00Z") },
      });
      moved();
      await gate;
    });
    await saved;
    const recount = transaction((tx) => recountHoursTimers(tx, utc, { ...newYork, version: 2 }, now));
    await untilWaiting(1, recount);
    release();
    await save;
    await recount;
    // 2 working hours left of the 6, from New York's 09:00 (14:00Z): not the old target's 4 hours.
    expect(await db().caseSla.findUniqueOrThrow({ where: { id: timer.id } })).toMatchObject({
      targetMs: 6 * H,
      elapsedMs: 4 * H,
      dueAt: new Date("2026-11-23T16:00:00Z"),
    });
  });
});
