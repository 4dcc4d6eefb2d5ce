import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { DOMAIN, rawMail } from "@/lib/testing/inbound";
import { makeAccount, makeAgent, makeAdmin, makeCustomer, makeUser, unique } from "@/lib/testing/fixtures";
import { discardHeldMessage, openHeldMessage } from "./held";
import { receive } from "./receive";

const SUPPORT = `support@${DOMAIN}`;

/** A new message to support from an address nobody has: held as "Unknown sender". */
async function held(subject = "Cannot log in") {
  const from = `${unique("stranger")}@unknown.example`;
  const id = `<${unique("h")}@unknown.example>`;
  const out = await receive(
    rawMail({ from, to: SUPPORT, subject, body: "Help me please.", messageId: id }),
    "smtp",
  );
  expect(out).toEqual({ status: "held", reason: "unknown_sender" });
  const row = await db().inboundMessage.findUniqueOrThrow({ where: { dedupeKey: `mid:${id}` } });
  return { from, row };
}

describe("email to case from an unknown sender (NOT-3)", () => {
  it("NOT-3: an unknown sender's message is held with its text; an agent opens a case choosing a contact; a second Open case does nothing more", async () => {
    const { row } = await held();
    expect(row).toMatchObject({
      status: "held",
      reason: "unknown_sender",
      text: "Help me please.",
      caseId: null,
    });
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const opened = await openHeldMessage(agent, { id: String(row.id), contactId: String(contact.id) });
    const c = await db().case.findUniqueOrThrow({ where: { id: opened.id } });
    expect(c).toMatchObject({
      channel: "email",
      shortDescription: "Cannot log in",
      description: "Help me please.",
      contactId: contact.id,
      accountId: account.id,
      openedById: agent.id,
    });
    expect(await db().outboxMessage.count({ where: { event: "case.opened", sourceId: c.id } })).toBe(1);
    expect(await db().inboundMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "opened",
      caseId: c.id,
      handledById: agent.id,
    });
    await expect(openHeldMessage(agent, { id: row.id, contactId: contact.id })).rejects.toThrow(
      /already handled/,
    );
    await expect(discardHeldMessage(agent, { id: row.id })).rejects.toThrow(/already handled/);
    expect(await db().case.count({ where: { contactId: contact.id } })).toBe(1);
  });

  it("NOT-3: concurrent Open case clicks on one held message open one case", async () => {
    const { row } = await held();
    const agent = await makeAgent();
    const { contact } = await makeCustomer();
    const outs = await Promise.allSettled(
      Array.from({ length: 5 }, () => openHeldMessage(agent, { id: row.id, contactId: contact.id })),
    );
    expect(outs.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db().case.count({ where: { contactId: contact.id } })).toBe(1);
  });

  it("NOT-3, SET-2: an agent opens a case creating the contact on an account with the sender's address", async () => {
    const { from, row } = await held("Invoice question");
    const agent = await makeAgent();
    const account = await makeAccount();
    const opened = await openHeldMessage(agent, { id: row.id, accountId: account.id, name: "Sam Stranger" });
    const contact = await db().user.findUniqueOrThrow({ where: { email: from } });
    expect(contact).toMatchObject({
      kind: "contact",
      accountId: account.id,
      name: "Sam Stranger",
      active: true,
    });
    expect(await db().case.findUniqueOrThrow({ where: { id: opened.id } })).toMatchObject({
      contactId: contact.id,
      accountId: account.id,
    });
  });

  it("NOT-3: a held message discarded writes nothing else; a customer's choice is exactly one", async () => {
    const { row } = await held();
    const admin = await makeAdmin();
    const { contact } = await makeCustomer();
    await expect(openHeldMessage(admin, { id: row.id })).rejects.toThrow(/Choose one/);
    await expect(
      openHeldMessage(admin, { id: row.id, contactId: contact.id, accountId: contact.accountId, name: "X" }),
    ).rejects.toThrow(/Choose one/);
    const cases = await db().case.count();
    await discardHeldMessage(admin, { id: row.id });
    expect(await db().inboundMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "discarded",
      caseId: null,
      handledById: admin.id,
    });
    expect(await db().case.count()).toBe(cases);
  });

  it("NOT-3, ROLE-2: a customer or an ITIL fulfiller cannot open or discard a held message", async () => {
    const { row } = await held();
    const { contact } = await makeCustomer();
    for (const who of [contact, await makeUser([ROLE.itil])]) {
      await expect(openHeldMessage(who, { id: row.id, contactId: contact.id })).rejects.toThrow(
        /Only agents/,
      );
      await expect(discardHeldMessage(who, { id: row.id })).rejects.toThrow(/Only agents/);
    }
    expect(await db().inboundMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "held",
    });
  });
});
