import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAgent, resolveCase } from "@/lib/testing/fixtures";
import { makeGroup } from "@/lib/testing/groups";
import { caseWithCustomer, rawMail } from "@/lib/testing/inbound";
import { receive } from "../inbound-mail/receive";
import { rejectSolution, replyOnPortal } from "../portal/answers";
import { notifyCustomerReplied } from "./customer-replied";
import { setAgentNotification } from "./preferences";

const EVENT = `${TABLE.case}.customer_replied`;
const repliedMail = (caseId: number) =>
  db().outboxMessage.findMany({ where: { event: EVENT, sourceId: caseId }, orderBy: { id: "asc" } });

/** A customer's case assigned to an agent of a group (not the agent who opened it). */
async function assignedCase() {
  const assignee = await makeAgent();
  const { group } = await makeGroup(assignee);
  const world = await caseWithCustomer({ assignmentGroupId: group.id, assignedToId: assignee.id });
  return { ...world, assignee };
}

describe("the customer replied email (NOT-2)", () => {
  it("NOT-2: a portal reply emails the case's assignee, once whatever the retries", async () => {
    const { assignee, contact, c } = await assignedCase();
    await replyOnPortal(contact, c.number, { reply: "It shows error E-42 now.", idempotencyKey: "k1" });
    await replyOnPortal(contact, c.number, { reply: "It shows error E-42 now.", idempotencyKey: "k1" });
    const [mail, ...more] = await repliedMail(c.id);
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({
      recipient: assignee.email,
      subject: `Case ${c.number}: the customer replied`,
      status: "pending",
    });
    expect(mail.body).toContain(`${contact.name} replied on Case ${c.number}`);
    expect(mail.body).toContain("It shows error E-42 now.");
    expect(mail.body).toMatch(new RegExp(`^Open it: https?://.+/cases/${c.number}$`, "m"));
    // A second reply is news again: a second email.
    await replyOnPortal(contact, c.number, { reply: "And now E-43.", idempotencyKey: "k2" });
    expect(await repliedMail(c.id)).toHaveLength(2);
  });

  it("NOT-2: an email reply emails the assignee; the same message delivered again sends nothing more", async () => {
    const { assignee, contact, c, address } = await assignedCase();
    const raw = rawMail({ from: contact.email, to: address, body: "Thanks, still failing here." });
    expect((await receive(raw, "api")).status).toBe("accepted");
    expect((await receive(raw, "api")).status).toBe("duplicate");
    const mails = await repliedMail(c.id);
    expect(mails.map((m) => m.recipient)).toEqual([assignee.email]);
    expect(mails[0].body).toContain("Thanks, still failing here.");
  });

  it("NOT-2: rejecting a solution in the portal is a reply: the assignee hears of it", async () => {
    const { assignee, contact, c } = await assignedCase();
    await resolveCase(assignee, c.number);
    const { version } = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    await rejectSolution(contact, c.number, { reason: "Not fixed at all.", idempotencyKey: "r1", version });
    expect((await repliedMail(c.id)).map((m) => m.recipient)).toEqual([assignee.email]);
  });

  it("NOT-2: nothing for an assignee who turned Customer replied off, or who is inactive", async () => {
    const off = await assignedCase();
    await setAgentNotification(off.assignee, { kind: "customer_replied", enabled: "false" });
    await replyOnPortal(off.contact, off.c.number, { reply: "Hello?", idempotencyKey: "k1" });
    await receive(rawMail({ from: off.contact.email, to: off.address, body: "Hello again?" }), "api");
    expect(await repliedMail(off.c.id)).toHaveLength(0);
    expect(await db().journalEntry.count({ where: { recordId: off.c.id, kind: "comments" } })).toBe(2);

    const gone = await assignedCase();
    await db().user.update({ where: { id: gone.assignee.id }, data: { active: false } });
    await replyOnPortal(gone.contact, gone.c.number, { reply: "Hello?", idempotencyKey: "k1" });
    expect(await repliedMail(gone.c.id)).toHaveLength(0);
  });

  it("NOT-2: a case with nobody assigned emails nobody (its group's queue shows the mark)", async () => {
    const member = await makeAgent();
    const { group } = await makeGroup(member);
    const { contact, c, address } = await caseWithCustomer({ assignmentGroupId: group.id });
    await replyOnPortal(contact, c.number, { reply: "Anyone there?", idempotencyKey: "k1" });
    await receive(rawMail({ from: contact.email, to: address, body: "Anyone?" }), "api");
    expect(await repliedMail(c.id)).toHaveLength(0);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).customerRepliedAt).not.toBeNull();
  });

  it("NOT-2: the email is keyed by journal entry and assignee: queuing it again writes nothing", async () => {
    const { c } = await assignedCase();
    const reply = { entryId: 987654, customerName: "Carla", body: "hi" };
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(await transaction((tx) => notifyCustomerReplied(tx, row, reply))).toBe(true);
    expect(await transaction((tx) => notifyCustomerReplied(tx, row, reply))).toBe(false);
    expect(await repliedMail(c.id)).toHaveLength(1);
  });
});
