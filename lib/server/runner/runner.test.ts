import { beforeEach, describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { unique } from "@/lib/testing/fixtures";
import { OUTBOX_QUEUE } from "../tables/outbox-message";
import { enqueueMail } from "../outbox/write";
import { claimBatch } from "@/lib/server/tables/queue-claims";
import { claimLease, runWithLease } from "./lease";
import { runner, SKIPPED } from "./runner";

// OPS-1: the claims of the job runner, on both databases (npm run test:postgres runs this file too).

async function queue(n: number, prefix: string): Promise<number[]> {
  await transaction(async (tx) => {
    for (let i = 0; i < n; i++)
      await enqueueMail(tx, {
        dedupeKey: `${prefix}-${i}`,
        recipient: `r${i}@example.org`,
        subject: "s",
        body: "b",
        event: "test",
      });
  });
  const rows = await db().outboxMessage.findMany({ where: { dedupeKey: { startsWith: `${prefix}-` } } });
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

beforeEach(async () => {
  // Claims take the oldest due messages of the whole database: leave out what other files queued.
  await db().outboxMessage.updateMany({
    where: { status: { in: ["pending", "sending"] } },
    data: { status: "failed", lockedUntil: null, lastError: "left out by runner.test.ts" },
  });
});

describe("OPS-1 job runner", () => {
  it("OPS-1: four runners claiming at once claim each outbox message once", async () => {
    const ids = await queue(60, unique("claim"));
    const claimedBy = new Map<number, string[]>();
    const runnerLoop = async (name: string) => {
      for (;;) {
        const got = await claimBatch(OUTBOX_QUEUE, name, 60_000, 7);
        if (!got.length) return;
        for (const id of got) claimedBy.set(id, [...(claimedBy.get(id) ?? []), name]);
      }
    };
    await Promise.all(["a", "b", "c", "d"].map(runnerLoop));
    expect([...claimedBy.keys()].sort((a, b) => a - b)).toEqual(ids);
    expect([...claimedBy.values()].filter((by) => by.length > 1)).toEqual([]);
    const rows = await db().outboxMessage.findMany({ where: { id: { in: ids } } });
    for (const r of rows) {
      // A claim uses no attempt: the send does, when it begins (outbox/deliver.ts).
      expect(r).toMatchObject({ status: "sending", attempts: 0, lockedBy: claimedBy.get(r.id)![0] });
      expect(r.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    }
  });

  it("OPS-1: a dead runner's claim is taken over once its lease has expired, not before", async () => {
    const [id] = await queue(1, unique("dead"));
    expect(await claimBatch(OUTBOX_QUEUE, "dead-node", 60_000, 10)).toEqual([id]);
    expect(await claimBatch(OUTBOX_QUEUE, "live-node", 60_000, 10)).toEqual([]);
    // The dead node's lease runs out.
    await db().outboxMessage.update({ where: { id }, data: { lockedUntil: new Date(Date.now() - 1) } });
    expect(await claimBatch(OUTBOX_QUEUE, "live-node", 60_000, 10)).toEqual([id]);
    expect(await db().outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "sending",
      lockedBy: "live-node",
      attempts: 0,
    });
  });

  it("OPS-1: a sent, failed or suppressed message is never claimed; a retry waits for its time", async () => {
    const ids = await queue(4, unique("done"));
    await db().outboxMessage.update({ where: { id: ids[0] }, data: { status: "sent" } });
    await db().outboxMessage.update({ where: { id: ids[1] }, data: { status: "suppressed" } });
    await db().outboxMessage.update({
      where: { id: ids[2] },
      data: { lockedUntil: new Date(Date.now() + 60_000) },
    });
    expect(await claimBatch(OUTBOX_QUEUE, "w", 60_000, 10)).toEqual([ids[3]]);
  });

  it("OPS-1 / OPS-2: the runner runs a job once at a time, once more when triggered meanwhile, and stop() waits for the run", async () => {
    const r = runner();
    let runs = 0;
    let active = 0;
    let overlap = false;
    const name = unique("job");
    r.add({
      name,
      everyMs: 3_600_000,
      firstInMs: 3_600_000,
      run: async () => {
        overlap ||= active > 0;
        active++;
        await new Promise((res) => setTimeout(res, 100));
        active--;
        runs++;
      },
    });
    r.trigger(name);
    r.trigger(name);
    r.trigger(name);
    await new Promise((res) => setTimeout(res, 50));
    expect(await r.stop(5_000)).toBe(true);
    expect(overlap).toBe(false);
    expect(runs).toBeGreaterThanOrEqual(1);
    const after = runs;
    r.trigger(name);
    await new Promise((res) => setTimeout(res, 150));
    expect(runs).toBeLessThanOrEqual(2);
    expect(runs).toBe(after);
    expect(r.stats.get(name)?.ok).toBe(runs);
  });

  it("OPS-2: stop() answers false when a run was still going at its time limit (the drain reports it)", async () => {
    const r = runner();
    r.stopping = false;
    const name = unique("slow");
    r.add({
      name,
      everyMs: 3_600_000,
      firstInMs: 3_600_000,
      run: () => new Promise((res) => setTimeout(res, 400)),
    });
    r.trigger(name);
    expect(await r.stop(50)).toBe(false);
    r.stopping = false;
  });

  it("OPS-3: a run that found its job held by another node counts as skipped, not ok", async () => {
    const r = runner();
    const name = unique("held");
    r.add({ name, everyMs: 3_600_000, firstInMs: 3_600_000, run: async () => SKIPPED });
    r.stopping = false;
    r.trigger(name);
    await new Promise((res) => setTimeout(res, 20));
    expect(r.stats.get(name)).toMatchObject({ ok: 0, skipped: 1, failed: 0 });
  });

  it("OPS-1: a job's period counts from its run's start, so a slow run does not skip the next tick", async () => {
    const name = unique("slow");
    const t = { ttlMs: 60_000, everyMs: 1_000 };
    const started = Date.now();
    const run = await runWithLease(name, "node-a", t, async () => {
      await new Promise((res) => setTimeout(res, 150)); // a pass longer than the tick's slack
      return "done";
    });
    expect(run).toEqual({ ran: true, result: "done" });
    const lease = await db().jobLease.findUniqueOrThrow({ where: { name } });
    expect(lease.lastRunAt!.getTime()).toBeLessThan(started + 100);
    // The next tick, one period after the start (not after the end): the job is due again.
    const nextTick = new Date(lease.lastRunAt!.getTime() + t.everyMs);
    expect(await claimLease(name, "node-b", t, new Date(nextTick.getTime() - 1))).toBe(false);
    expect(await claimLease(name, "node-b", t, nextTick)).toBe(true);
  });
});
