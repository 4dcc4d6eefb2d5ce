import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { AUTO_CLOSE_JOB, autoCloseCutoff, isDueForAutoClose } from "@/lib/domain/cases/auto-close";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { CaseState as S, MajorCaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAdmin, makeAgent, makeCase, makeCustomer, resolveCase } from "@/lib/testing/fixtures";
import { updateProperty } from "../properties/admin";
import { runWithLease } from "../runner/lease";
import { lockCases } from "../tables/case";
import { casesWithIds } from "../tables/case-selection";
import { closeDueCases } from "./auto-close";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const reload = (id: number) => db().case.findUniqueOrThrow({ where: { id } });
const autoNotes = (ids: number[]) =>
  db().journalEntry.findMany({
    where: { table: TABLE.case, recordId: { in: ids }, body: { startsWith: "Closed automatically" } },
  });

let admin: Actor | null = null;
async function setDays(value: string) {
  admin ??= await makeAdmin();
  const row = await db().systemProperty.findUnique({ where: { name: PROPERTY.autoCloseDays } });
  await updateProperty(admin, { name: PROPERTY.autoCloseDays, value: value, version: row?.version ?? 0 });
}

/** A Resolved case of a customer, resolved `days` ago. */
async function resolvedCase(agent: Actor, days: number) {
  const { account, contact } = await makeCustomer();
  const c = await makeCase(agent, { accountId: account.id, contactId: contact.id });
  await resolveCase(agent, c.number);
  await db().case.update({ where: { id: c.id }, data: { resolvedAt: ago(days) } });
  return { ...(await reload(c.id)), contact };
}

const comment = (caseId: number, author: { id: number; name: string }, at: Date) =>
  db().journalEntry.create({
    data: {
      table: TABLE.case,
      recordId: caseId,
      kind: "comments",
      body: "Still broken here",
      authorId: author.id,
      authorName: author.name,
      createdAt: at,
    },
  });

describe("automatic close of Resolved cases (POR-1)", () => {
  beforeEach(() => setDays("7"));
  afterEach(() => setDays("7"));

  it("POR-1: closes exactly the due cases — not those the customer answered, nor younger ones — audited as System, with a note", async () => {
    const agent = await makeAgent();
    const due = await resolvedCase(agent, 8);
    const young = await resolvedCase(agent, 3);
    const answered = await resolvedCase(agent, 10);
    await comment(answered.id, answered.contact, ago(2));
    const agentReplied = await resolvedCase(agent, 9);
    await comment(agentReplied.id, agent, ago(1)); // only the customer's answer keeps a case open
    const answeredBefore = await resolvedCase(agent, 9);
    await comment(answeredBefore.id, answeredBefore.contact, ago(12));
    // MAJ-5: a major case is closed by its manager (with its children), never by the job.
    const major = await resolvedCase(agent, 20);
    await db().case.update({ where: { id: major.id }, data: { majorCaseState: MajorCaseState.Accepted } });
    const mine = [due, young, answered, agentReplied, answeredBefore, major];

    // What the rule says, from the data itself.
    const cutoff = autoCloseCutoff(7, now);
    const expected = [];
    for (const c of mine) {
      const last = await db().journalEntry.findFirst({
        where: { table: TABLE.case, recordId: c.id, kind: "comments", authorId: c.contactId },
        orderBy: { createdAt: "desc" },
      });
      const row = await reload(c.id);
      if (isDueForAutoClose({ ...row, lastCustomerAnswerAt: last?.createdAt ?? null }, cutoff))
        expected.push(c.id);
    }
    expect(expected).toEqual([due.id, agentReplied.id, answeredBefore.id]);

    await closeDueCases({ now });
    const closed = (
      await db().case.findMany({ where: { id: { in: mine.map((c) => c.id) }, state: S.Closed } })
    )
      .map((c) => c.id)
      .sort((a, b) => a - b);
    expect(closed).toEqual(expected);
    expect(await reload(due.id)).toMatchObject({ state: S.Closed, closedAt: now, version: due.version + 1 });
    expect((await reload(young.id)).state).toBe(S.Resolved);
    const audit = await db().auditEntry.findMany({
      where: { table: TABLE.case, recordId: due.id, field: "state", newValue: String(S.Closed) },
    });
    expect(audit).toEqual([
      expect.objectContaining({ oldValue: String(S.Resolved), userId: null, userName: "System" }),
    ]);
    expect(await autoNotes([due.id])).toEqual([
      expect.objectContaining({
        kind: "work_notes",
        authorId: null,
        authorName: "System",
        body: "Closed automatically after 7 days without a customer answer.",
      }),
    ]);
  });

  it("POR-1: a case resolved again while the job waited for its lock stays Resolved (the rule is asked again under the lock)", async () => {
    const agent = await makeAgent();
    const c = await resolvedCase(agent, 30);
    let run: Promise<{ closed: number }> | undefined;
    // Another transaction holds the case (PostgreSQL: its row lock) while the job lists it as due,
    // and commits a fresh solution: the customer has 7 days again.
    await transaction(async (tx) => {
      await lockCases(tx, casesWithIds([c.id]));
      await tx.case.update({ where: { id: c.id }, data: { resolvedAt: now, version: { increment: 1 } } });
      run = closeDueCases({ now });
      await new Promise((r) => setTimeout(r, 400));
    });
    await run;
    expect((await reload(c.id)).state).toBe(S.Resolved);
    expect(await autoNotes([c.id])).toEqual([]);
  });

  it("POR-1: 0 days turns it off", async () => {
    const agent = await makeAgent();
    const old = await resolvedCase(agent, 400);
    await setDays("0");
    expect(await closeDueCases({ now })).toEqual({ days: 0, closed: 0 });
    expect((await reload(old.id)).state).toBe(S.Resolved);
  });

  it("POR-1: two runs at once close each case once, with one note and one audit row each, in batches", async () => {
    const agent = await makeAgent();
    const cases = [];
    for (let i = 0; i < 7; i++) cases.push(await resolvedCase(agent, 30));
    const ids = cases.map((c) => c.id);
    const runs = await Promise.all([closeDueCases({ now, batch: 3 }), closeDueCases({ now, batch: 3 })]);
    expect(runs[0].closed + runs[1].closed).toBeGreaterThanOrEqual(ids.length);
    expect(
      (await db().case.findMany({ where: { id: { in: ids } } })).every((c) => c.state === S.Closed),
    ).toBe(true);
    expect((await autoNotes(ids)).length).toBe(ids.length);
    expect(
      await db().auditEntry.count({
        where: { table: TABLE.case, recordId: { in: ids }, field: "state", newValue: String(S.Closed) },
      }),
    ).toBe(ids.length);
    for (const c of cases) expect((await reload(c.id)).version).toBe(c.version + 1);
  });

  it("POR-1: of two workers only the lease holder runs; a lease held by another worker runs nothing", async () => {
    const agent = await makeAgent();
    const c = await resolvedCase(agent, 30);
    const timing = { ttlMs: 60_000, everyMs: 0 };
    await db().jobLease.deleteMany({ where: { name: AUTO_CLOSE_JOB } });
    const runs = await Promise.all(
      ["worker-a", "worker-b"].map((w) =>
        runWithLease(AUTO_CLOSE_JOB, w, timing, async (stillMine) => {
          const r = await closeDueCases({ now, stillMine });
          return `closed ${r.closed}`;
        }),
      ),
    );
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    expect((await reload(c.id)).state).toBe(S.Closed);
    const lease = await db().jobLease.findUniqueOrThrow({ where: { name: AUTO_CLOSE_JOB } });
    expect(lease).toMatchObject({ lockedUntil: null, lastResult: expect.stringMatching(/^closed \d+$/) });

    const other = await resolvedCase(agent, 30);
    await db().jobLease.update({
      where: { name: AUTO_CLOSE_JOB },
      data: { lockedBy: "worker-z", lockedUntil: new Date(Date.now() + 60_000) },
    });
    let called = false;
    const r = await runWithLease(AUTO_CLOSE_JOB, "worker-a", timing, async () => {
      called = true;
      return "ran";
    });
    expect([r.ran, called]).toEqual([false, false]);
    expect((await reload(other.id)).state).toBe(S.Resolved);
    // Once the other worker's claim has expired, the job runs again.
    await db().jobLease.update({
      where: { name: AUTO_CLOSE_JOB },
      data: { lockedUntil: new Date(Date.now() - 1) },
    });
    expect((await runWithLease(AUTO_CLOSE_JOB, "worker-a", timing, async () => "ran")).ran).toBe(true);
  });

  it("POR-1: a job that ran less than its period ago is not claimed again", async () => {
    await db().jobLease.deleteMany({ where: { name: "test-period" } });
    const timing = { ttlMs: 60_000, everyMs: 5 * 60_000 };
    expect((await runWithLease("test-period", "w1", timing, async () => "first")).ran).toBe(true);
    expect((await runWithLease("test-period", "w2", timing, async () => "second")).ran).toBe(false);
  });
});
