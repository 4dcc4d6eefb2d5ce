import "server-only";
import type { Tx } from "@/lib/db";

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
  /** The Message-ID to send with, fixed now so that replies can name it (PRO-5); default: the outbox id's. */
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
  const status = m.suppressedBecause ? "suppressed" : "pending";
  const n = await tx.$executeRaw`
    INSERT INTO "OutboxMessage" ("dedupeKey", "recipient", "subject", "body", "status", "reason",
      "sourceTable", "sourceId", "event", "attempts", "createdAt",
      "htmlBody", "messageId", "replyTo", "inReplyTo")
    VALUES (${m.dedupeKey}, ${m.recipient}, ${m.subject}, ${m.body}, ${status},
      ${m.suppressedBecause ?? null}, ${m.source?.table ?? null}, ${m.source?.id ?? null}, ${m.event}, 0,
      ${new Date()}, ${m.htmlBody ?? null}, ${m.messageId ?? null}, ${m.replyTo ?? null},
      ${m.inReplyTo ?? null})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  return n > 0;
}
