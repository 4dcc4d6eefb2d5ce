import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import { db, type Prisma } from "@/lib/db";
import { threadHeaders } from "@/lib/domain/email/thread";
import { clipText, wellFormedText } from "@/lib/domain/unicode";
import { automaticHeaders } from "@/lib/domain/email/automatic";
import { OUTBOX_QUEUE } from "@/lib/server/tables/outbox-message";
import { claimBatch } from "@/lib/server/tables/queue-claims";
import { scaled, startedRunner, workerId } from "../runner/runner";

/**
 * An SMTP server's error as stored: its text may echo an address of any script, and half an emoji
 * (a cut inside a pair) or a NUL is refused by PostgreSQL — the message would stay locked and fail
 * the same way at every retry.
 */
const errorText = (e: unknown) => clipText(wellFormedText(String(e)).replaceAll("\u0000", ""), 500);

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
export const MAX_ATTEMPTS = 5;

let transport: { url: string; t: Transporter } | null = null;

/**
 * The SMTP transport for `url`, with the timeouts above. The URL is read by nodemailer's own parser
 * and the timeouts added to what it gives: as createTransport's second argument they were taken for
 * default message fields, and beside a `url` option they are dropped — nodemailer's defaults (10
 * minutes of socket silence) then let a send outlive its claim.
 */
export function transporter(url: string): Transporter {
  if (!transport || transport.url !== url)
    transport = { url, t: nodemailer.createTransport({ ...parseConnectionUrl(url), ...smtpTimeouts() }) };
  return transport.t;
}

/** The Message-ID of a message queued before each one got its own random one (outbox/write.ts). */
export const messageIdFor = (id: number) => `<outbox-${id}@caseflow.local>`;

/**
 * SET-4: a password link is its reader's key to an account; once the email has left — or has failed
 * for good — the outbox keeps it without its token, so a copy of the database (a backup) holds no
 * working link of it (the database keeps only the token's SHA-256). A failed one is marked so: its
 * link is gone, and Retry would send a dead one (the person is invited again instead).
 */
const LINK_TOKEN = /(\/set-password\?token=)[A-Za-z0-9_%-]+/g;
const LINK_REMOVED = "(removed-unsent)";

/** The body without its links' tokens, as a change of the row (none when it holds no link). */
const withoutTokens = (body: string, mark: "(sent)" | typeof LINK_REMOVED) =>
  body.includes("/set-password?token=") ? { body: body.replace(LINK_TOKEN, `$1${mark}`) } : {};

/** Whether a failed message's password link was removed (it cannot be sent again). */
export const linkRemoved = (body: string) => body.includes(`/set-password?token=${LINK_REMOVED}`);

/** Whether email leaves at all: without SMTP_URL messages wait in the outbox (what actions tell a person). */
export const smtpConfigured = () => Boolean(process.env.SMTP_URL);

export async function deliverPending(limit = 100): Promise<{ sent: number; failed: number }> {
  const url = process.env.SMTP_URL;
  const result = { sent: 0, failed: 0 };
  if (!url) return result;
  const ids = await claimBatch(OUTBOX_QUEUE, workerId, lockMs(), limit);
  const claimed = await db().outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
  for (const [i, m] of claimed.entries()) {
    // OPS-2: a stopping node gives back what it has not sent yet, for another runner to send now —
    // not at the end of the claim, nor half-sent when the drain's time runs out.
    if (startedRunner()?.stopping) {
      await giveBack(claimed.slice(i));
      break;
    }
    // Outcomes are recorded only while this claim still holds (it is ours until lockedUntil).
    // Each send gets a full lease of its own: renewed just before, skipped if the claim was lost.
    const until = new Date(Date.now() + lockMs());
    // REL-4: the attempt is counted here, as its send begins — a claim that lapsed because its
    // sender died during the send has used one, its batch-mates never sent have not.
    const renewed = await db().outboxMessage.updateMany({
      where: { id: m.id, status: "sending", lockedBy: workerId, lockedUntil: m.lockedUntil },
      data: { lockedUntil: until, attempts: { increment: 1 } },
    });
    if (renewed.count !== 1) continue;
    const attempts = m.attempts + 1;
    const mine = { id: m.id, status: "sending", lockedBy: workerId, lockedUntil: until };
    // A failed send marks the message failed at its last attempt; one beyond it means the sends
    // before it ended without an answer (a message that kills its sender): not tried again.
    if (attempts > MAX_ATTEMPTS) {
      const lastError =
        `Not sent after ${MAX_ATTEMPTS} attempts: the last ended without an answer (its sending process stopped).` +
        (m.lastError ? ` Before: ${m.lastError}` : "");
      await db().outboxMessage.updateMany({
        where: mine,
        data: {
          status: "failed",
          lockedUntil: null,
          lockedBy: null,
          attempts: MAX_ATTEMPTS,
          lastError: errorText(lastError),
          ...withoutTokens(m.body, LINK_REMOVED),
        },
      });
      result.failed++;
      continue;
    }
    let failure: unknown = null;
    try {
      await transporter(url).sendMail({
        from: process.env.MAIL_FROM || "Caseflow <no-reply@caseflow.local>",
        to: m.recipient,
        subject: m.subject,
        text: m.body,
        ...(m.htmlBody ? { html: m.htmlBody } : {}),
        ...(m.replyTo ? { replyTo: m.replyTo } : {}),
        ...threadHeaders(m),
        headers: automaticHeaders(m), // REL-6: no auto-responder answers us
        messageId: m.messageId ?? messageIdFor(m.id),
      });
    } catch (e) {
      failure = e;
    }
    if (failure === null) {
      // Sent: only the bookkeeping is left. A database hiccup here must not make it a failed send,
      // which would be retried — the customer would get it twice.
      await markSent(mine, m.body);
      result.sent++;
    } else {
      const e = failure;
      // Under CASEFLOW_JOB_TIME_SCALE (test:cluster) the wait shrinks with the timeouts that caused it.
      const retryIn = scaled(Math.min(60_000 * 2 ** attempts, 60 * 60_000), 1_000);
      await db().outboxMessage.updateMany({
        where: mine,
        data:
          attempts >= MAX_ATTEMPTS
            ? {
                status: "failed",
                lockedUntil: null,
                lockedBy: null,
                lastError: errorText((e as Error).message ?? e),
                ...withoutTokens(m.body, LINK_REMOVED),
              }
            : {
                status: "pending",
                lockedUntil: new Date(Date.now() + retryIn),
                lockedBy: null,
                lastError: errorText((e as Error).message ?? e),
              },
      });
      result.failed++;
    }
  }
  return result;
}

/** Records a sent message, trying a few times: a send is never turned into a retry by a failed write. */
async function markSent(mine: Prisma.OutboxMessageWhereInput, body: string) {
  const data = {
    status: "sent",
    sentAt: new Date(),
    lockedUntil: null,
    lockedBy: null,
    lastError: null,
    ...withoutTokens(body, "(sent)"),
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await db().outboxMessage.updateMany({ where: mine, data });
      return;
    } catch (e) {
      if (attempt >= 3) {
        // Left "sending": its claim runs out and it may be sent again — logged, as a duplicate risk.
        console.error("[caseflow] outbox: a sent message could not be marked sent", e);
        return;
      }
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/** Claimed messages not sent yet go back to the queue at once (no attempt used: none began). */
async function giveBack(rest: readonly { id: number }[]) {
  if (!rest.length) return;
  await db().outboxMessage.updateMany({
    where: { id: { in: rest.map((m) => m.id) }, status: "sending", lockedBy: workerId },
    data: { status: "pending", lockedBy: null, lockedUntil: null },
  });
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
