import { describe, expect, it } from "vitest";
import { db, dialect, transaction } from "@/lib/db";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { caseWithCustomer, rawMail } from "@/lib/testing/inbound";
import { makeAgent, makeCase, makeCustomer, makeItil, resolveCase } from "@/lib/testing/fixtures";
import { makeGroup } from "@/lib/testing/groups";
import { withSlaTargets } from "@/lib/testing/sla";
import { postCaseJournal } from "../cases/journal";
import { getCaseView } from "../cases/view";
import { runCaseAction, updateCase } from "../cases/write";
import { receive } from "../inbound-mail/receive";
import { associateIncident, createIncidentFromCase } from "../incidents/link";
import { postIncidentJournal } from "../incidents/journal";
import { appendJournal } from "../journal/write";
import { replyOnPortal } from "../portal/answers";
import { listCases } from "../cases/list";
import { myWork, myWorkCounts } from "./read";

const numbers = (rows: { number: string }[]) => rows.map((r) => r.number).sort();
const caseRow = (id: number) => db().case.findUniqueOrThrow({ where: { id } });
const later = () => new Promise((r) => setTimeout(r, 15));

describe("My work (WRK-2)", () => {
  it("WRK-2: each agent sees their own cases, their groups' unassigned ones and what needs attention", async () => {
    const a = await makeAgent();
    const b = await makeAgent();
    const stranger = await makeAgent();
    const { group } = await makeGroup(a, b);
    const mine = await makeCase(a, { assignmentGroupId: group.id, assignedToId: a.id });
    const queued = await makeCase(a, { assignmentGroupId: group.id });
    const theirs = await makeCase(a, { assignmentGroupId: group.id, assignedToId: b.id });
    const elsewhere = await makeCase(stranger, {});
    const forA = await myWork(a);
    expect(numbers(forA.assigned.rows)).toEqual([mine.number]);
    expect(numbers(forA.unassigned.rows)).toEqual([queued.number]);
    expect(forA.attention.rows).toEqual([]);
    const forB = await myWork(b);
    expect(numbers(forB.assigned.rows)).toEqual([theirs.number]);
    expect(numbers(forB.unassigned.rows)).toEqual([queued.number]);
    const forStranger = await myWork(stranger);
    expect(forStranger.unassigned.rows).toEqual([]);
    expect(forStranger.assigned.rows.map((r) => r.number)).not.toContain(elsewhere.number);
    expect(await myWorkCounts(a)).toEqual({ assigned: "1", unassigned: "1", attention: "0" });
    expect(forA.unassigned.href).toBe("/cases?state=open&group=mine&assignedTo=none");
  });

  it("WRK-2: a section shows its ten most recently updated cases, newest first, and counts them all", async () => {
    const a = await makeAgent();
    const { group } = await makeGroup(a);
    const made = [];
    for (let i = 0; i < 12; i++) made.push(await makeCase(a, { assignmentGroupId: group.id }));
    // The oldest case is touched last: it moves to the top.
    await postCaseJournal(a, made[0].number, { workNotes: "Looked at it" });
    const { unassigned } = await myWork(a);
    const ids = unassigned.rows.map((r) => r.id);
    expect(ids).toHaveLength(10);
    expect(ids[0]).toBe(made[0].id);
    const times = unassigned.rows.map((r) => r.updatedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect([unassigned.total, unassigned.totalText]).toEqual([12, "12"]);
    expect((await myWorkCounts(a)).unassigned).toBe("12");
  });

  it("WRK-2: a closed case leaves My work; customers have no My work", async () => {
    const a = await makeAgent();
    const { group } = await makeGroup(a);
    const c = await makeCase(a, { assignmentGroupId: group.id, assignedToId: a.id });
    await updateCase(a, c.number, { version: c.version, state: CaseState.Cancelled });
    expect((await myWork(a)).assigned.rows).toEqual([]);
    const { contact } = await makeCustomer();
    await expect(myWork(contact)).rejects.toThrow();
  });
});

describe("Needs attention: open cases only (WRK-2, WRK-3)", () => {
  it("WRK-2 / WRK-3: a closed case the customer had answered is in no Needs attention list, whatever the state filter", async () => {
    const a = await makeAgent();
    const open = await makeCase(a, { assignedToId: a.id });
    const closed = await makeCase(a, { assignedToId: a.id });
    await db().case.updateMany({
      where: { id: { in: [open.id, closed.id] } },
      data: { customerRepliedAt: new Date() },
    });
    await db().case.update({ where: { id: closed.id }, data: { state: CaseState.Closed } });
    for (const state of ["all", "open", undefined]) {
      const listed = await listCases(a, { state, assignedTo: "me", attention: "1" });
      expect(numbers(listed.rows)).toEqual([open.number]);
    }
    // As the Customer replied filter says.
    expect(numbers((await listCases(a, { state: "all", assignedTo: "me", replied: "1" })).rows)).toEqual([
      open.number,
    ]);
  });
});

describe("Needs attention: SLAs (WRK-2, NOT-5)", () => {
  // Priority 1: response due in 20 minutes (within the job's 30-minute warning); priority 4: 8 hours.
  withSlaTargets([
    { priority: 1, responseMinutes: 20, resolutionMinutes: 600, clock: "24x7" },
    { priority: 4, responseMinutes: 480, resolutionMinutes: 960, clock: "24x7" },
  ]);

  it("WRK-2 / NOT-5: a case of my queue whose SLA is about to breach or breached needs attention; one with time left does not", async () => {
    const a = await makeAgent();
    const { group } = await makeGroup(a);
    const urgent = await makeCase(a, { assignmentGroupId: group.id, priority: 1 });
    const relaxed = await makeCase(a, { assignmentGroupId: group.id, priority: 4 });
    const mineLate = await makeCase(a, { assignedToId: a.id, assignmentGroupId: group.id, priority: 4 });
    // Breached: the response timer of this one fell due an hour ago.
    const [due, warn] = [new Date(Date.now() - 3_600_000), new Date(Date.now() - 5_400_000)];
    await db().caseSla.updateMany({ where: { caseId: mineLate.id }, data: { dueAt: due, warnAt: warn } });
    await db().case.update({ where: { id: mineLate.id }, data: { slaDueAt: due, slaWarnAt: warn } });
    // Not in my queue: someone else's group.
    const other = await makeAgent();
    const { group: theirs } = await makeGroup(other);
    await makeCase(other, { assignmentGroupId: theirs.id, priority: 1 });

    const { attention } = await myWork(a);
    expect(numbers(attention.rows)).toEqual(numbers([urgent, mineLate]));
    expect((await myWorkCounts(a)).attention).toBe("2");
    // "View all" is the same filter in the case list.
    expect(attention.href).toBe("/cases?state=open&queue=mine&attention=1");
    const listed = await listCases(a, { state: "open", queue: "mine", attention: "1" });
    expect(numbers(listed.rows)).toEqual(numbers([urgent, mineLate]));
    expect(numbers(listed.rows)).not.toContain(relaxed.number);
    // Met: Accept stops the response timer, and the case no longer needs attention for it.
    await runCaseAction(a, urgent.number, { action: "accept", version: urgent.version });
    expect(numbers((await myWork(a)).attention.rows)).toEqual([mineLate.number]);
  });

  it("WRK-2 / NOT-5: a business-hours SLA in its last 30 working minutes needs attention, though due after the weekend", async () => {
    const a = await makeAgent();
    const c = await makeCase(a, { assignedToId: a.id, priority: 4 });
    // Friday 16:40 of hours that end at 17:00: warned now, due Monday 09:10 — two calendar days on.
    const [due, warn] = [new Date(Date.now() + 2 * 86_400_000), new Date(Date.now() - 60_000)];
    await db().caseSla.updateMany({ where: { caseId: c.id }, data: { dueAt: due, warnAt: warn } });
    await db().case.update({ where: { id: c.id }, data: { slaDueAt: due, slaWarnAt: warn } });
    const listed = await listCases(a, { state: "open", assignedTo: "me", attention: "1" });
    expect(numbers(listed.rows)).toContain(c.number);
    expect(numbers((await myWork(a)).attention.rows)).toContain(c.number);
  });
});

describe("attention (WRK-3)", () => {
  it("WRK-3: a journal entry moves the case's Updated time, never back", async () => {
    const a = await makeAgent();
    const c = await makeCase(a);
    await later();
    await db().$transaction((tx) =>
      appendJournal(tx, { table: TABLE.case, recordId: c.id, kind: "work_notes", body: "n", author: a }),
    );
    const after = await caseRow(c.id);
    expect(after.updatedAt.getTime()).toBeGreaterThan(c.updatedAt.getTime());
    expect(after.version).toBe(c.version); // an entry is not an edit of the form (REC-6)
  });

  it.runIf(dialect() === "postgresql")(
    "WRK-3: a second entry on a case queues behind a long transaction holding one; both land, Updated is the later",
    async () => {
      const a = await makeAgent();
      const c = await makeCase(a);
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let wrote = false;
      const slow = transaction(async (tx) => {
        await appendJournal(tx, {
          table: TABLE.case,
          recordId: c.id,
          kind: "work_notes",
          body: "slow",
          author: a,
        });
        wrote = true;
        await held;
      });
      while (!wrote) await later();
      const quick = postCaseJournal(a, c.number, { workNotes: "quick" });
      await later();
      release();
      await Promise.all([slow, quick]);
      const notes = await db().journalEntry.findMany({ where: { table: TABLE.case, recordId: c.id } });
      expect(notes.map((n) => n.body).sort()).toEqual(["quick", "slow"]);
      const newest = Math.max(...notes.map((n) => n.createdAt.getTime()));
      expect((await caseRow(c.id)).updatedAt.getTime()).toBe(newest);
    },
  );

  it("WRK-3: an incident comment synced to its cases moves each case's Updated time", async () => {
    const { agent, c } = await caseWithCustomer();
    const { incidentNumber } = await createIncidentFromCase(agent, c.number);
    const other = await makeCase(agent);
    await associateIncident(agent, other.number, incidentNumber);
    const before = [await caseRow(c.id), await caseRow(other.id)];
    await later();
    await postIncidentJournal(await makeItil(), incidentNumber, { comments: "Vendor is rolling back." });
    const after = [await caseRow(c.id), await caseRow(other.id)];
    for (const i of [0, 1])
      expect(after[i].updatedAt.getTime()).toBeGreaterThan(before[i].updatedAt.getTime());
  });

  it("WRK-3: a portal reply marks the case until its assignee opens it; nobody else, and no action's re-render, clears it", async () => {
    const { agent, contact, c } = await caseWithCustomer();
    const { group } = await makeGroup(agent);
    await updateCase(agent, c.number, {
      version: c.version,
      assignmentGroupId: group.id,
      assignedToId: agent.id,
    });
    await replyOnPortal(contact, c.number, { reply: "Any news?", idempotencyKey: "k1" });
    expect((await caseRow(c.id)).customerRepliedAt).not.toBeNull();
    expect(numbers((await myWork(agent)).attention.rows)).toEqual([c.number]);
    expect((await myWorkCounts(agent)).attention).toBe("1");
    const colleague = await makeAgent();
    await getCaseView(colleague, c.number);
    expect((await caseRow(c.id)).customerRepliedAt).not.toBeNull();
    // The page re-rendered to answer the assignee's own Save is not a view of the reply.
    await getCaseView(agent, c.number, { opened: false });
    expect((await caseRow(c.id)).customerRepliedAt).not.toBeNull();
    await getCaseView(agent, c.number);
    expect((await caseRow(c.id)).customerRepliedAt).toBeNull();
    expect((await myWork(agent)).attention.rows).toEqual([]);
  });

  it("WRK-3 / POR-1: a portal reply on a Resolved case rejects the solution: Open, the reply on record", async () => {
    const { agent, contact, c } = await caseWithCustomer();
    await resolveCase(agent, c.number);
    const result = await replyOnPortal(contact, c.number, {
      reply: "Still broken here.",
      idempotencyKey: "k2",
    });
    expect(result.reopened).toBe(true);
    const row = await caseRow(c.id);
    expect(row.state).toBe(CaseState.Open);
    expect(row.customerRepliedAt).not.toBeNull();
    const audit = await db().auditEntry.findMany({
      where: { table: TABLE.case, recordId: c.id, field: "state" },
    });
    expect(audit.at(-1)).toMatchObject({ newValue: String(CaseState.Open), userId: contact.id });
  });

  it("WRK-3 / PRO-5: an email reply on a Resolved case reopens it too (one service)", async () => {
    const { agent, contact, c, address } = await caseWithCustomer();
    await resolveCase(agent, c.number);
    await receive(rawMail({ from: contact.email, to: address, body: "No, it is not fixed." }), "api");
    const row = await caseRow(c.id);
    expect(row.state).toBe(CaseState.Open);
    expect(row.customerRepliedAt).not.toBeNull();
  });
});
