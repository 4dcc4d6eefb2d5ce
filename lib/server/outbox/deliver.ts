import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { threadHeaders } from "@/lib/domain/email/thread";
import { automaticHeaders } from "@/lib/domain/email/automatic";
import { OUTBOX_QUEUE } from "@/lib/server/tables/outbox-message";
import { claimBatch } from "@/lib/server/tables/queue-claims";
import { scaled, startedRunner, workerId } from "../runner/runner";

// REL-4: sends queued email after the transaction that queued it has committed.
// OPS-1: messages are claimed in batches (lib/server/tables/queue-claims.ts) by the job runner:
// pending → sending, lockedBy this process, lockedUntil five minutes on; claimed by one runner
// only, whatever the number of nodes. Each is marked sent after, only while the claim still holds;
// a crash in between leaves it claimed, and once the lock expires another runner sends it again
// with the same Message-ID, so receiving servers and clients see one message. Without SMTP_URL
// nothing is sent: messages wait in the outbox (visible on /admin/outbox).

// A claim (five minutes) outlives a send: the transporter's timeouts below give up after at most
// two minutes of waiting, so no other runner takes a message that is still being sent.
// CASEFLOW_JOB_TIME_SCALE shortens both alike (test:cluster).
const lockMs = () => scaled(5 * 60_000, 5_000);
const smtpTimeouts = () => ({
  connectionTimeout: scaled(30_000, 1_000),
  greetingTimeout: scaled(30_000, 1_000),
  socketTimeout: scaled(60_000, 2_000),
});
const MAX_ATTEMPTS = 5;

let transport: { url: string; t: Transporter } | null = null;

function transporter(url: string): Transporter {
  if (!transport || transport.url !== url)
    transport = { url, t: nodemailer.createTransport(url, smtpTimeouts()) };
  return transport.t;
}

/** The Message-ID of a message queued before each one got its own random one (outbox/write.ts). */
export const messageIdFor = (id: number) => `<outbox-${id}@caseflow.local>`;

/**
 * SET-4: a password link is its reader's key to an account; once the email has left, the outbox keeps
 * it without its token, so a copy of the database (a backup) holds no working link of a sent email.
 */
const LINK_TOKEN = /(\/set-password\?token=)[A-Za-z0-9_%-]+/g;
const withoutTokens = (text: string) => text.replace(LINK_TOKEN, "$1(sent)");

/** Whether email leaves at all: without SMTP_URL messages wait in the outbox (what actions tell a person). */
export const smtpConfigured = () => Boolean(process.env.SMTP_URL);

export async function deliverPending(limit = 100): Promise<{ sent: number; failed: number }> {
  const url = process.env.SMTP_URL;
  const result = { sent: 0, failed: 0 };
  if (!url) return result;
  const ids = await claimBatch(OUTBOX_QUEUE, workerId, lockMs(), limit);
  const claimed = await db().outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
  for (const m of claimed) {
    // Outcomes are recorded only while this claim still holds (it is ours until lockedUntil).
    // Each send gets a full lease of its own: renewed just before, skipped if the claim was lost.
    const until = new Date(Date.now() + lockMs());
    const renewed = await db().outboxMessage.updateMany({
      where: { id: m.id, status: "sending", lockedBy: workerId, lockedUntil: m.lockedUntil },
      data: { lockedUntil: until },
    });
    if (renewed.count !== 1) continue;
    const mine = { id: m.id, status: "sending", lockedBy: workerId, lockedUntil: until };
    try {
      await transporter(url).sendMail({
        from: process.env.MAIL_FROM ?? "Caseflow <no-reply@caseflow.local>",
        to: m.recipient,
        subject: m.subject,
        text: m.body,
        ...(m.htmlBody ? { html: m.htmlBody } : {}),
        ...(m.replyTo ? { replyTo: m.replyTo } : {}),
        ...threadHeaders(m),
        headers: automaticHeaders(m), // REL-6: no auto-responder answers us
        messageId: m.messageId ?? messageIdFor(m.id),
      });
      await db().outboxMessage.updateMany({
        where: mine,
        data: {
          status: "sent",
          sentAt: new Date(),
          lockedUntil: null,
          lockedBy: null,
          lastError: null,
          ...(m.body.includes("/set-password?token=") ? { body: withoutTokens(m.body) } : {}),
        },
      });
      result.sent++;
    } catch (e) {
      const attempts = m.attempts;
      const retryIn = Math.min(60_000 * 2 ** attempts, 60 * 60_000);
      await db().outboxMessage.updateMany({
        where: mine,
        data:
          attempts >= MAX_ATTEMPTS
            ? {
                status: "failed",
                lockedUntil: null,
                lockedBy: null,
                lastError: String((e as Error).message ?? e).slice(0, 500),
              }
            : {
                status: "pending",
                lockedUntil: new Date(Date.now() + retryIn),
                lockedBy: null,
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
  if (!smtpConfigured()) return;
  // In the server, the runner's outbox job (coalesced: one run at a time, one more after it).
  const running = startedRunner();
  if (running?.has(OUTBOX_JOB)) return running.trigger(OUTBOX_JOB);
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    void drainOutbox().catch((e) => console.error("[caseflow] outbox delivery failed:", e));
  }, 0);
}

export const OUTBOX_JOB = "outbox";

/**
 * Passes of 25 until one finds fewer: 1,000 notified customers leave in one go, not one sweep each.
 * Small batches share a backlog between the nodes, and a message whose claim expired is taken over
 * at the next pass rather than after a long batch (OPS-1).
 */
export async function drainOutbox(limit = 25) {
  for (let pass = 0; pass < 400; pass++) {
    if (startedRunner()?.stopping) return;
    const { sent, failed } = await deliverPending(limit);
    if (sent + failed < limit) return;
  }
}

/** The outbox backlog (pending or being sent), for /api/metrics. */
export const outboxBacklog = () =>
  db().outboxMessage.count({ where: { status: { in: ["pending", "sending"] } } });
