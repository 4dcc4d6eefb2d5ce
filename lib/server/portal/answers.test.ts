import { beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { toPollAnswer } from "@/lib/domain/journal/items";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { makeCase, resolveCase, unique } from "@/lib/testing/fixtures";
import { makePortalWorld, type PortalWorld } from "@/lib/testing/portal-world";
import { rejection } from "@/lib/testing/refusal";
import { postCaseJournal } from "../cases/journal";
import { runCaseAction } from "../cases/write";
import { olderJournal, pollJournal } from "../journal/live";
import { addAttachment } from "../attachments/service";
import { lockCases } from "../tables/case";
import { casesWithIds } from "../tables/case-selection";
import { acceptSolution, rejectSolution, replyOnPortal } from "./answers";

let world: PortalWorld;
beforeAll(async () => {
  world = await makePortalWorld();
});

/** A fresh case of the world's customer (contact) on their account. */
const customerCase = () =>
  makeCase(world.agent, { accountId: world.accounts.customer.id, contactId: world.users.customer.id });
const stateOf = async (number: string) => (await db().case.findUniqueOrThrow({ where: { number } })).state;
const comments = (id: number) =>
  db().journalEntry.findMany({
    where: { table: TABLE.case, recordId: id, kind: "comments" },
    orderBy: { id: "asc" },
  });
/** The fields a refusal names (a single field or a form's fields). */
async function fieldsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.fields ? Object.keys(e.fields) : e.field ? [e.field] : [];
    throw e;
  }
  throw new Error("expected a refusal");
}
const key = () => unique("k").replace(/[^\w-]/g, "");

describe("portal reply and solution answers (POR-1)", () => {
  it("POR-1: a reply to an Awaiting Info case is the customer's comment and returns it to Open", async () => {
    const c = await customerCase();
    await runCaseAction(world.agent, c.number, { action: "accept", version: 1 });
    await runCaseAction(world.agent, c.number, {
      action: "request_info",
      version: 2,
      question: "Which printer model is it?",
    });
    const { customer } = world.users;
    const result = await replyOnPortal(customer, c.number, { reply: "Here it is", idempotencyKey: "r-1" });
    expect(result).toMatchObject({ posted: true, reopened: true });
    expect(await stateOf(c.number)).toBe(CaseState.Open);
    // NOT-1: the agent's question is the first comment; the customer's answer follows it.
    expect((await comments(c.id)).map((e) => [e.body, e.authorId])).toEqual([
      ["Which printer model is it?", world.agent.id],
      ["Here it is", customer.id],
    ]);
    await replyOnPortal(customer, c.number, { reply: "Here it is", idempotencyKey: "r-1" });
    expect(await comments(c.id)).toHaveLength(2); // a retry of one form posts once
  });

  it("POR-4: a reply or a file sent while an agent moves the case to another contact is refused as not found, nothing kept", async () => {
    for (const send of [
      (n: string) => replyOnPortal(world.users.customer, n, { reply: "Any news?", idempotencyKey: key() }),
      (n: string) =>
        addAttachment(world.users.customer, n, {
          name: "a.txt",
          type: "text/plain",
          bytes: new Uint8Array(3),
        }),
    ]) {
      const c = await customerCase();
      let sent: Promise<unknown> | undefined;
      // The agent's save holds the case (PostgreSQL: its row lock) while the customer's answer is sent.
      await transaction(async (tx) => {
        await lockCases(tx, casesWithIds([c.id]));
        await tx.case.update({ where: { id: c.id }, data: { contactId: world.users.colleague.id } });
        sent = send(c.number).then(
          () => "kept",
          (e: { kind?: string }) => e.kind,
        );
        await new Promise((r) => setTimeout(r, 400));
      });
      expect(await sent).toBe("not_found");
      expect(await comments(c.id)).toEqual([]);
      expect(await db().attachment.count({ where: { caseId: c.id } })).toBe(0);
    }
  });

  it("WRK-3 / POR-1: a reply written on a page before a solution was proposed is refused, not taken as its rejection", async () => {
    const c = await customerCase();
    await resolveCase(world.agent, c.number);
    const { customer } = world.users;
    const stale = { reply: "Any news?", idempotencyKey: key(), shownState: String(CaseState.Open) };
    expect(await rejection(replyOnPortal(customer, c.number, stale))).toMatchObject({ kind: "conflict" });
    expect(await fieldsOf(replyOnPortal(customer, c.number, stale))).toEqual(["reply"]);
    expect(await stateOf(c.number)).toBe(CaseState.Resolved);
    expect(await comments(c.id)).toEqual([]);
    // Written on the page that showed the solution, the reply rejects it (WRK-3).
    const seen = { ...stale, idempotencyKey: key(), shownState: String(CaseState.Resolved) };
    expect(await replyOnPortal(customer, c.number, seen)).toMatchObject({ posted: true, reopened: true });
    expect(await stateOf(c.number)).toBe(CaseState.Open);
  });

  it("WRK-3 / REC-6: a reply to a solution proposed again since the page was read is refused, not taken as the new one's rejection", async () => {
    const c = await customerCase();
    await resolveCase(world.agent, c.number); // version 3: Resolved with "Fixed"
    const { customer } = world.users;
    const shown = { shownState: String(CaseState.Resolved), shownVersion: "3" };
    // The agent reopens and proposes another solution while the customer writes about the first.
    await runCaseAction(world.agent, c.number, { action: "reopen", version: 3 });
    await runCaseAction(world.agent, c.number, {
      action: "propose_solution",
      version: 4,
      resolutionCode: "Solved (Work Around)",
      resolutionNotes: "Try the new driver",
    });
    const stale = { reply: "Still broken", idempotencyKey: key(), ...shown };
    const refused = await rejection(replyOnPortal(customer, c.number, stale));
    expect(refused).toMatchObject({
      kind: "conflict",
      message: expect.stringMatching(/^This case was changed/),
    });
    expect(await stateOf(c.number)).toBe(CaseState.Resolved);
    expect(await comments(c.id)).toEqual([]);
    // From the page as it is now, the reply rejects the solution it shows.
    const now = { ...stale, idempotencyKey: key(), shownVersion: "5" };
    expect(await replyOnPortal(customer, c.number, now)).toMatchObject({ posted: true, reopened: true });
  });

  it("REL-2: the same reply again answers done, whatever the case became since (a solution proposed, closed)", async () => {
    const c = await customerCase();
    await runCaseAction(world.agent, c.number, { action: "accept", version: 1 });
    const { customer } = world.users;
    const reply = {
      reply: "Any news?",
      idempotencyKey: key(),
      shownState: String(CaseState.Open),
      shownVersion: "2",
    };
    expect(await replyOnPortal(customer, c.number, reply)).toMatchObject({ posted: true });
    // Its answer was lost; meanwhile a solution is proposed. The retry is not "a solution was proposed…".
    await runCaseAction(world.agent, c.number, {
      action: "propose_solution",
      version: 2,
      resolutionCode: "Solved (Permanently)",
      resolutionNotes: "Fixed",
    });
    expect(await replyOnPortal(customer, c.number, reply)).toMatchObject({ posted: false, reopened: false });
    expect(await stateOf(c.number)).toBe(CaseState.Resolved);
    await acceptSolution(customer, c.number, { version: 3 });
    expect(await replyOnPortal(customer, c.number, reply)).toMatchObject({ posted: false });
    expect(await comments(c.id)).toHaveLength(1);
  });

  it("POR-1: Accept solution closes a Resolved case, audited as the customer", async () => {
    const c = await customerCase();
    await resolveCase(world.agent, c.number);
    await acceptSolution(world.users.customer, c.number, { version: 3 });
    const row = await db().case.findUniqueOrThrow({ where: { number: c.number } });
    expect(row.state).toBe(CaseState.Closed);
    expect(row.closedAt).not.toBeNull();
    const audit = await db().auditEntry.findFirst({
      where: { table: TABLE.case, recordId: c.id, field: "state" },
      orderBy: { id: "desc" },
    });
    expect(audit?.userId).toBe(world.users.customer.id);
  });

  it("POR-1 / REL-2: the same Accept again (a lost answer, a second tab) answers done; another person's is refused", async () => {
    const c = await customerCase();
    await resolveCase(world.agent, c.number);
    const first = await acceptSolution(world.users.customer, c.number, { version: 3, comments: "Thanks" });
    const again = await acceptSolution(world.users.customer, c.number, { version: 3, comments: "Thanks" });
    expect(again).toEqual(first);
    expect(await comments(c.id)).toHaveLength(1);
    const closes = await db().auditEntry.count({
      where: { table: TABLE.case, recordId: c.id, field: "state" },
    });
    const admin = await rejection(acceptSolution(world.users.customerAdmin, c.number, { version: 3 }));
    expect(admin.message).toBe("This case is Closed and cannot be changed.");
    expect(
      await db().auditEntry.count({ where: { table: TABLE.case, recordId: c.id, field: "state" } }),
    ).toBe(closes);
  });

  it("POR-1 / REC-6: Accept solution from a page older than the case is refused and changes nothing", async () => {
    const c = await customerCase();
    await resolveCase(world.agent, c.number); // version 3: the customer's page shows this solution
    await db().case.update({ where: { id: c.id }, data: { version: { increment: 1 } } }); // changed since
    expect((await rejection(acceptSolution(world.users.customer, c.number, { version: 3 }))).kind).toBe(
      "conflict",
    );
    expect(await stateOf(c.number)).toBe(CaseState.Resolved);
  });

  it("POR-1: Reject solution without a reason is refused naming Reason; with one the case is Open and the reason a comment", async () => {
    const c = await customerCase();
    await resolveCase(world.agent, c.number);
    const { customer } = world.users;
    const refused = await rejection(
      rejectSolution(customer, c.number, { reason: "  ", idempotencyKey: key(), version: 3 }),
    );
    expect(refused).toEqual({ kind: "invalid", message: "Reason is required." });
    const noReason = rejectSolution(customer, c.number, { idempotencyKey: key(), version: 3 });
    expect(await fieldsOf(noReason)).toEqual(["reason"]);
    expect(await stateOf(c.number)).toBe(CaseState.Resolved);
    const form = { reason: "Still broken", idempotencyKey: key(), version: "3" };
    await rejectSolution(customer, c.number, form);
    expect(await stateOf(c.number)).toBe(CaseState.Open);
    expect((await comments(c.id)).map((e) => [e.body, e.authorId])).toEqual([["Still broken", customer.id]]);
    // REL-2: the same form again (its answer lost) answers done and posts nothing more.
    await expect(rejectSolution(customer, c.number, form)).resolves.toMatchObject({ state: CaseState.Open });
    expect(await comments(c.id)).toHaveLength(1);
  });

  it("POR-1 / REC-6: Reject solution from a page older than the case is refused and changes nothing", async () => {
    const c = await customerCase();
    await resolveCase(world.agent, c.number); // version 3: the customer's page shows this solution
    await db().case.update({ where: { id: c.id }, data: { version: { increment: 1 } } }); // changed since
    const { customer } = world.users;
    const stale = await rejection(
      rejectSolution(customer, c.number, { reason: "Not fixed", idempotencyKey: key(), version: "3" }),
    );
    expect(stale.kind).toBe("conflict");
    expect(stale.message).toMatch(/changed by someone else after you opened it\. Nothing was saved/);
    // A form without the version it answers is refused too, naming it, and nothing changes.
    const unversioned = rejectSolution(customer, c.number, { reason: "Not fixed", idempotencyKey: key() });
    expect(await fieldsOf(unversioned)).toEqual(["version"]);
    expect(await stateOf(c.number)).toBe(CaseState.Resolved);
    expect(await comments(c.id)).toEqual([]);
    // The page as it is now answers.
    await rejectSolution(customer, c.number, { reason: "Not fixed", idempotencyKey: key(), version: "4" });
    expect(await stateOf(c.number)).toBe(CaseState.Open);
  });

  it("POR-1: Accept or Reject on a case that is not Resolved is refused and changes nothing", async () => {
    const c = await customerCase();
    const { customer } = world.users;
    expect((await rejection(acceptSolution(customer, c.number, { version: 1 }))).kind).toBe("invalid");
    const answer = await rejection(
      rejectSolution(customer, c.number, { reason: "no", idempotencyKey: key(), version: 1 }),
    );
    expect(answer.message).toMatch(/Resolved/);
    expect(await stateOf(c.number)).toBe(CaseState.New);
  });

  it("POR-1: a Closed case refuses a reply, naming the Reply box", async () => {
    const c = await customerCase();
    await resolveCase(world.agent, c.number);
    await acceptSolution(world.users.customer, c.number, { version: 3 });
    const answer = await rejection(
      replyOnPortal(world.users.customer, c.number, { reply: "one more", idempotencyKey: key() }),
    );
    expect(answer).toEqual({ kind: "invalid", message: "This case is Closed and cannot be changed." });
    const sent = replyOnPortal(world.users.customer, c.number, { reply: "again", idempotencyKey: key() });
    expect(await fieldsOf(sent)).toEqual(["reply"]);
    expect(await comments(c.id)).toEqual([]);
  });
});

describe("another account's case is not found everywhere (POR-4, ROLE-3, REL-7)", () => {
  it("POR-4 / REL-7: view-less actions and the live timeline answer exactly like a missing number, changing nothing", async () => {
    const c = await customerCase();
    await resolveCase(world.agent, c.number);
    const intruder = world.users.otherCustomer;
    const ghost = `CS9${unique("")}`;
    const attempts = (n: string) => [
      replyOnPortal(intruder, n, { reply: "hi", idempotencyKey: key() }),
      acceptSolution(intruder, n, { version: 3 }),
      rejectSolution(intruder, n, { reason: "no", idempotencyKey: key(), version: 3 }),
      pollJournal(intruder, TABLE.case, n, null),
      olderJournal(intruder, TABLE.case, n, { createdAt: new Date(), id: 1 }),
    ];
    const foreign = await Promise.all(attempts(c.number).map(rejection));
    const missing = await Promise.all(attempts(ghost).map(rejection));
    for (const [i, answer] of foreign.entries()) {
      expect(answer).toEqual({ kind: "not_found", message: `Case ${c.number} was not found.` });
      expect({ ...missing[i], message: missing[i].message.replace(ghost, c.number) }).toEqual(answer);
    }
    expect(await stateOf(c.number)).toBe(CaseState.Resolved);
    expect(await comments(c.id)).toEqual([]);
  });

  it("JRN-3 / REL-7: the customer's live timeline carries comments only, no work notes and no internal fields", async () => {
    const c = await customerCase();
    await postCaseJournal(world.agent, c.number, { workNotes: "internal only", comments: "for you" });
    const poll = await pollJournal(world.users.customer, TABLE.case, c.number, null);
    expect(poll.entries.map((e) => e.body)).toEqual(["for you"]);
    expect(poll.reader).toMatchObject({ external: true, includeWorkNotes: false });
    const answer = toPollAnswer(poll);
    expect(answer.record.savedBy).toBeNull(); // the agent who last saved is an internal field
    expect(answer.entries.every((e) => !e.sourceNumber && !e.sourceHref && !e.ruleName)).toBe(true);
    const older = await olderJournal(world.users.partner, TABLE.case, world.cases.own.number, {
      createdAt: new Date(Date.now() + 60_000),
      id: 2 ** 31 - 1,
    });
    expect(older.entries.every((e) => e.kind === "comments")).toBe(true);
  });
});
