import { describe, expect, it } from "vitest";
import { runWithLease } from "../runner/lease";
import { runner } from "../runner/runner";
import { db } from "@/lib/db";
import { THROTTLE } from "@/lib/domain/auth/throttle";
import { makeAgent, unique } from "@/lib/testing/fixtures";
import { SWEEP_BATCH, sweepExpired } from "./housekeeping";

describe("housekeeping (OPS-1)", () => {
  it("OPS-1: run-out throttle rows and expired sessions are deleted; live ones stay", async () => {
    const now = new Date("2026-11-29T12:00:00Z");
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const key = (name: string) => `test:${unique(name)}`;
    const rows = {
      spent: { key: key("spent"), windowStart: ago(THROTTLE.windowMs + 1), blockedUntil: null },
      blockOver: { key: key("over"), windowStart: ago(THROTTLE.windowMs + 1), blockedUntil: ago(1) },
      blocked: { key: key("blocked"), windowStart: ago(THROTTLE.windowMs + 1), blockedUntil: ago(-60_000) },
      counting: { key: key("counting"), windowStart: ago(60_000), blockedUntil: null },
    };
    await db().loginThrottle.createMany({ data: Object.values(rows).map((r) => ({ ...r, failures: 3 })) });
    const agent = await makeAgent();
    const [expired, live] = [unique("s-old"), unique("s-live")];
    await db().session.createMany({
      data: [
        { id: expired, userId: agent.id, expiresAt: ago(1) },
        { id: live, userId: agent.id, expiresAt: ago(-3_600_000) },
      ],
    });
    const swept = await sweepExpired(now);
    expect(swept.throttles).toBeGreaterThanOrEqual(2);
    expect(swept.sessions).toBeGreaterThanOrEqual(1);
    const left = await db().loginThrottle.findMany({
      where: { key: { in: Object.values(rows).map((r) => r.key) } },
      select: { key: true },
    });
    expect(left.map((r) => r.key).sort()).toEqual([rows.blocked.key, rows.counting.key].sort());
    expect(
      (await db().session.findMany({ where: { id: { in: [expired, live] } } })).map((s) => s.id),
    ).toEqual([live]);
  });

  it("OPS-1: a spray's worth of run-out rows is deleted in batches, every one of them", async () => {
    const now = new Date("2026-11-29T12:00:00Z");
    const old = new Date(now.getTime() - THROTTLE.windowMs - 1);
    const tag = unique("spray");
    const n = SWEEP_BATCH + 500;
    await db().loginThrottle.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        key: `${tag}:${i}@nowhere.example`,
        windowStart: old,
        failures: 1,
      })),
    });
    const swept = await sweepExpired(now);
    expect(swept.throttles).toBeGreaterThanOrEqual(n);
    expect(await db().loginThrottle.count({ where: { key: { startsWith: tag } } })).toBe(0);
  });

  it("OPS-2: a process stopping mid-sweep ends after its batch and releases the lease for another node", async () => {
    const now = new Date("2026-11-29T12:00:00Z");
    const old = new Date(now.getTime() - THROTTLE.windowMs - 1);
    const tag = unique("stopping");
    await db().loginThrottle.createMany({
      data: Array.from({ length: SWEEP_BATCH * 3 }, (_, i) => ({
        key: `${tag}:${i}@nowhere.example`,
        windowStart: old,
        failures: 1,
      })),
    });
    const job = unique("sweep-job");
    const timing = { ttlMs: 600_000, everyMs: 59 * 60_000 }; // housekeeping's: hourly
    try {
      const run = await runWithLease(job, "worker-a", timing, async (stillMine) => {
        runner().stopping = true; // SIGTERM arrives during the first batch
        const { throttles } = await sweepExpired(now, stillMine);
        return String(throttles);
      });
      expect(run).toEqual({ ran: true, result: `stopped (the process is stopping): ${SWEEP_BATCH}` });
    } finally {
      runner().stopping = false;
    }
    expect(await db().loginThrottle.count({ where: { key: { startsWith: tag } } })).toBe(SWEEP_BATCH * 2);
    expect(await db().jobLease.findUniqueOrThrow({ where: { name: job } })).toMatchObject({
      lockedUntil: null,
      lastRunAt: null, // a cut run is no run of the hour
    });
    // Another node takes the job at once — not when the lease would have expired, nor an hour later.
    expect(await runWithLease(job, "worker-b", timing, async () => "swept the rest")).toEqual({
      ran: true,
      result: "swept the rest",
    });
  });
});
