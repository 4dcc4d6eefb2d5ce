// Not marked server-only: instrumentation.ts (the server process itself) imports it.
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db";

// REL-4: sends queued email after the transaction that queued it has committed.
// A message is claimed (pending → sending, locked for five minutes) before it is sent and marked
// sent after; a crash in between leaves it claimed, and it is retried once the lock expires with
// the same Message-ID, so receiving servers and clients see one message. Without SMTP_URL
// nothing is sent: messages wait in the outbox (visible on /admin/outbox).

// A claim (five minutes) outlives a send: the transporter's timeouts below give up after at most
// two minutes of waiting, so no other sweep takes a message that is still being sent.
const LOCK_MS = 5 * 60_000;
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
const MAX_ATTEMPTS = 5;
let transport: { url: string; t: Transporter } | null = null;

function transporter(url: string): Transporter {
  if (!transport || transport.url !== url)
    transport = { url, t: nodemailer.createTransport(url, SMTP_TIMEOUTS) };
  return transport.t;
}

export const messageIdFor = (id: number) => `<outbox-${id}@caseflow.local>`;

/**
 * SET-4: a password link is its reader's key to an account; once the email has left, the outbox keeps
 * it without its token, so a copy of the database (a backup) holds no working link of a sent email.
 */
const LINK_TOKEN = /(\/set-password\?token=)[A-Za-z0-9_%-]+/g;
const withoutTokens = (text: string) => text.replace(LINK_TOKEN, "$1(sent)");

export async function deliverPending(limit = 100): Promise<{ sent: number; failed: number }> {
  const url = process.env.SMTP_URL;
  const result = { sent: 0, failed: 0 };
  if (!url) return result;
  const now = new Date();
  const due = await db().outboxMessage.findMany({
    where: {
      OR: [
        { status: "pending", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
        { status: "sending", lockedUntil: { lt: now } },
      ],
    },
    orderBy: { id: "asc" },
    take: limit,
  });
  for (const m of due) {
    const token = new Date(Date.now() + LOCK_MS);
    const claim = await db().outboxMessage.updateMany({
      where: { id: m.id, status: m.status, lockedUntil: m.lockedUntil },
      data: { status: "sending", lockedUntil: token, attempts: { increment: 1 } },
    });
    if (claim.count !== 1) continue; // another process took it
    // Outcomes are recorded only while this claim still holds (its lock value is the token).
    const mine = { id: m.id, status: "sending", lockedUntil: token };
    try {
      await transporter(url).sendMail({
        from: process.env.MAIL_FROM ?? "Caseflow <no-reply@caseflow.local>",
        to: m.recipient,
        subject: m.subject,
        text: m.body,
        ...(m.htmlBody ? { html: m.htmlBody } : {}),
        ...(m.replyTo ? { replyTo: m.replyTo } : {}),
        ...(m.inReplyTo ? { inReplyTo: m.inReplyTo, references: [m.inReplyTo] } : {}),
        messageId: m.messageId ?? messageIdFor(m.id),
      });
      await db().outboxMessage.updateMany({
        where: mine,
        data: {
          status: "sent",
          sentAt: new Date(),
          lockedUntil: null,
          lastError: null,
          ...(m.body.includes("/set-password?token=") ? { body: withoutTokens(m.body) } : {}),
        },
      });
      result.sent++;
    } catch (e) {
      const attempts = m.attempts + 1;
      const retryIn = Math.min(60_000 * 2 ** attempts, 60 * 60_000);
      await db().outboxMessage.updateMany({
        where: mine,
        data:
          attempts >= MAX_ATTEMPTS
            ? {
                status: "failed",
                lockedUntil: null,
                lastError: String((e as Error).message ?? e).slice(0, 500),
              }
            : {
                status: "pending",
                lockedUntil: new Date(Date.now() + retryIn),
                lastError: String((e as Error).message ?? e).slice(0, 500),
              },
      });
      result.failed++;
    }
  }
  return result;
}

let scheduled = false;
/** Sends what is due, soon and once, after the current transaction has committed. */
export function scheduleDelivery() {
  if (!process.env.SMTP_URL || scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    void drain().catch((e) => console.error("[caseflow] outbox delivery failed:", e));
  }, 0);
}

/** Passes of 100 until one finds fewer: 1,000 notified customers leave in one go, not one sweep each. */
async function drain(limit = 100) {
  for (let pass = 0; pass < 100; pass++) {
    const { sent, failed } = await deliverPending(limit);
    if (sent + failed < limit) return;
  }
}
