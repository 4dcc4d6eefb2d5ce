import "server-only";
import { transaction, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { canHandleHeldMail, caseFieldsOf } from "@/lib/domain/email/email-to-case";
import {
  customerChoiceOf,
  HELD,
  heldMessageSchema,
  openHeldSchema,
  type HeldCustomerChoice,
  type HeldMessageInput,
  type OpenHeldInput,
} from "@/lib/domain/email/held-mail";
import { forbidden, invalid, notFound } from "@/lib/domain/errors";
import { parseOrThrow } from "@/lib/domain/validation";
import { createCaseContact } from "../directory/contacts";
import { openEmailCase } from "./email-case";
import { dropHeldFiles, moveHeldFiles } from "./held-files";

function assertCanHandle(actor: Actor) {
  if (!canHandleHeldMail(actor))
    throw forbidden("Only agents, managers and administrators handle messages from unknown senders.");
}

/**
 * Takes a held message for one handler: a conditional update of its status, so of two concurrent
 * clicks only the first changes the row (PostgreSQL: the second waits on the row lock, then finds
 * it no longer held; SQLite: transactions run one at a time). The loser changes nothing.
 */
async function takeHeld(tx: Tx, actor: Actor, id: number, status: "opened" | "discarded") {
  const taken = await tx.inboundMessage.updateMany({
    where: { id, status: HELD },
    data: { status, handledById: actor.id, handledAt: new Date() },
  });
  const row = await tx.inboundMessage.findUnique({ where: { id } });
  if (!row) throw notFound("The message");
  if (!taken.count) throw invalid("id", `This message was already handled (${row.status}).`);
  return row;
}

async function customerOf(tx: Tx, actor: Actor, choice: HeldCustomerChoice, email: string) {
  if (choice.kind === "new") {
    const made = await createCaseContact(
      actor,
      { accountId: choice.accountId, name: choice.name, email, phone: choice.phone },
      tx,
    );
    return { id: made.id, name: made.label, kind: "contact", accountId: made.accountId };
  }
  const person = await tx.user.findFirst({
    where: { id: choice.id, kind: choice.kind, active: true },
    select: { id: true, name: true, kind: true, accountId: true },
  });
  const field = choice.kind === "contact" ? "contactId" : "consumerId";
  if (!person)
    throw invalid(field, `${choice.kind === "contact" ? "Contact" : "Consumer"}: no such active person.`);
  return person;
}

/**
 * NOT-3 Open case: a held message from an unknown sender becomes a case for the contact or consumer
 * the agent chose — or a contact they create on an account with the sender's address (SET-2) — as
 * an email from that customer would have (channel email, the acknowledgement), opened by the agent.
 */
export async function openHeldMessage(actor: Actor, raw: OpenHeldInput) {
  assertCanHandle(actor);
  const input = parseOrThrow(openHeldSchema, raw);
  const choice = customerChoiceOf(input);
  const opened = await transaction(async (tx) => {
    const row = await takeHeld(tx, actor, input.id, "opened");
    const customer = await customerOf(tx, actor, choice, row.fromAddress);
    const fields = { ...caseFieldsOf(row.subject, ""), description: row.text ?? "" };
    const c = await openEmailCase(tx, { customer, fields, author: actor, inReplyTo: row.messageId });
    await moveHeldFiles(tx, row.id, c.id, customer); // NOT-4: the email's files, by its sender
    await tx.inboundMessage.update({ where: { id: row.id }, data: { caseId: c.id, reason: null } });
    return c;
  });
  return opened;
}

/** NOT-3 Discard: a held message is marked discarded and its files dropped; nothing else is written. */
export async function discardHeldMessage(actor: Actor, raw: HeldMessageInput) {
  assertCanHandle(actor);
  const { id } = parseOrThrow(heldMessageSchema, raw);
  await transaction(async (tx) => {
    await takeHeld(tx, actor, id, "discarded");
    await dropHeldFiles(tx, id);
  });
  return { id };
}
