import "server-only";
import { randomBytes } from "node:crypto";
import { afterCommit, type Tx } from "@/lib/db";
import { insertMessage, insertMessages, type OutboxRow } from "../tables/outbox-message";
import { scheduleDelivery } from "./deliver";

export type OutgoingMail = {
  /** Identifies the message: the same cause never queues it twice (retries, double submits). */
  dedupeKey: string;
  recipient: string;
  subject: string;
  body: string;
  event: string;
  source?: { table: string; id: number };
  /** When set, the message is recorded as suppressed with this reason and never sent (INC-7). */
  suppressedBecause?: string | null;
  /** A simple HTML part beside the text (customer email). */
  htmlBody?: string | null;
  /**
   * The Message-ID to send with, fixed now so that every attempt sends the same one and replies can
   * name it (PRO-5); by default a random one: no other installation, nor this one after a restore
   * from a backup (whose outbox ids come again), sends it too — mailboxes drop a second message
   * with a Message-ID they have seen (invitations and password links went as `outbox-<id>`).
   */
  messageId?: string | null;
  /** The reply address (a case's reply+<token>@… address, PRO-5). */
  replyTo?: string | null;
  /** The Message-ID this email answers (In-Reply-To and References). */
  inReplyTo?: string | null;
};

/**
 * REL-4: queues an email in the transaction of its cause; it is sent after commit by
 * lib/server/outbox/deliver.ts. Returns false when this message was already queued.
 */
export async function enqueueMail(tx: Tx, m: OutgoingMail): Promise<boolean> {
  return wakeDelivery(tx, await insertMessage(tx, outboxRow(m), new Date()));
}

/** Many emails in one statement (a job's batch); how many were new. */
export async function enqueueMails(tx: Tx, mails: readonly OutgoingMail[]): Promise<number> {
  return wakeDelivery(tx, await insertMessages(tx, mails.map(outboxRow), new Date()));
}

function outboxRow(m: OutgoingMail): OutboxRow {
  return {
    dedupeKey: m.dedupeKey,
    recipient: m.recipient,
    subject: m.subject,
    body: m.body,
    status: m.suppressedBecause ? "suppressed" : "pending",
    reason: m.suppressedBecause ?? null,
    event: m.event,
    source: m.source ?? null,
    htmlBody: m.htmlBody ?? null,
    messageId: m.messageId ?? `<outbox-${randomBytes(16).toString("hex")}@caseflow.local>`,
    replyTo: m.replyTo ?? null,
    inReplyTo: m.inReplyTo ?? null,
  };
}

/**
 * REL-4: whatever queued it, a message leaves right after its transaction commits, not at the
 * outbox job's next tick (30 s). The three ways into the outbox — this one, case emails
 * (notifications/case-mail.ts) and comment emails (email/customer-comments.ts) — each call this, so
 * no service can forget (the portal's New case and Accept solution once did). Returns `queued`.
 */
export function wakeDelivery<T extends boolean | number>(tx: Tx, queued: T): T {
  if (queued) afterCommit(tx, scheduleDelivery);
  return queued;
}
