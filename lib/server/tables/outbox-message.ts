import "server-only";
import { Prisma, type Tx } from "@/lib/db";
import { MARK } from "@/lib/domain/email/customer-mail";
import { TABLE } from "@/lib/domain/records/tables";
import type { Queue } from "./queue-claims";
import { insertJsonRows, randomHex, type JsonColumn } from "./sql";

// "OutboxMessage": emails queued in the transaction of their cause (REL-4), sent after commit by
// lib/server/outbox/deliver.ts. The unique dedupeKey with ON CONFLICT DO NOTHING means the same
// cause never queues a message twice (retries, double submits, concurrent duplicates).

export type OutboxRow = {
  dedupeKey: string;
  recipient: string;
  subject: string;
  body: string;
  status: "pending" | "suppressed";
  reason: string | null;
  event: string;
  source: { table: string; id: number } | null;
  htmlBody: string | null;
  messageId: string | null;
  replyTo: string | null;
  inReplyTo: string | null;
};

/** One message; false when its dedupeKey was already queued. */
export async function insertMessage(tx: Tx, m: OutboxRow, now: Date): Promise<boolean> {
  const n = await tx.$executeRaw`
    INSERT INTO "OutboxMessage" ("dedupeKey", "recipient", "subject", "body", "status", "reason",
      "sourceTable", "sourceId", "event", "attempts", "createdAt",
      "htmlBody", "messageId", "replyTo", "inReplyTo")
    VALUES (${m.dedupeKey}, ${m.recipient}, ${m.subject}, ${m.body}, ${m.status},
      ${m.reason}, ${m.source?.table ?? null}, ${m.source?.id ?? null}, ${m.event}, 0,
      ${now}, ${m.htmlBody}, ${m.messageId}, ${m.replyTo}, ${m.inReplyTo})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  return n > 0;
}

const MESSAGE_COLUMNS: JsonColumn[] = [
  { name: "dedupeKey", type: "text" },
  { name: "recipient", type: "text" },
  { name: "subject", type: "text" },
  { name: "body", type: "text" },
  { name: "status", type: "text" },
  { name: "reason", type: "text" },
  { name: "sourceTable", type: "text" },
  { name: "sourceId", type: "int" },
  { name: "event", type: "text" },
  { name: "htmlBody", type: "text" },
  { name: "messageId", type: "text" },
  { name: "replyTo", type: "text" },
  { name: "inReplyTo", type: "text" },
];

/** Many messages in one statement (one bound JSON value); how many were new. */
export async function insertMessages(tx: Tx, rows: readonly OutboxRow[], now: Date): Promise<number> {
  if (!rows.length) return 0;
  const cells = rows.map((m) => [
    m.dedupeKey,
    m.recipient,
    m.subject,
    m.body,
    m.status,
    m.reason,
    m.source?.table ?? null,
    m.source?.id ?? null,
    m.event,
    m.htmlBody,
    m.messageId,
    m.replyTo,
    m.inReplyTo,
  ]);
  const shared = { attempts: 0, createdAt: now };
  return insertJsonRows(tx, "OutboxMessage", MESSAGE_COLUMNS, cells, shared, "dedupeKey");
}

/**
 * NOT-3: the case's queued `event` emails answer the message `messageId` (In-Reply-To and
 * References): the customer's mail client shows our acknowledgement in the thread of their email.
 */
export function threadCaseMails(tx: Tx, caseId: number, event: string, messageId: string) {
  return tx.outboxMessage.updateMany({
    where: { sourceTable: TABLE.case, sourceId: caseId, event, inReplyTo: null },
    data: { inReplyTo: messageId },
  });
}

/** A case's customer email, rendered in code (NOT-1): one VALUES row of `insertCaseMessages`. */
export type CaseMessage = {
  dedupeKey: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  caseId: number;
  event: string;
  messageId: string;
  replyTo: string;
};

/** Many rendered case emails in one statement; how many were new. */
export function insertCaseMessages(tx: Tx, messages: readonly CaseMessage[], now: Date): Promise<number> {
  const values = messages.map(
    (
      m,
    ) => Prisma.sql`(${m.dedupeKey}, ${m.recipient}, ${m.subject}, ${m.text}, 'pending', ${TABLE.case}, ${m.caseId},
      ${m.event}, 0, ${now}, ${m.html}, ${m.messageId}, ${m.replyTo})`,
  );
  return tx.$executeRaw`
    INSERT INTO "OutboxMessage" ("dedupeKey", "recipient", "subject", "body", "status", "sourceTable", "sourceId",
      "event", "attempts", "createdAt", "htmlBody", "messageId", "replyTo")
    VALUES ${Prisma.join(values)}
    ON CONFLICT DO NOTHING`;
}

const text = (s: string) => Prisma.sql`CAST(${s} AS TEXT)`;

/** A template with MARK placeholders as an SQL concatenation filling them from the case row k. */
function fill(template: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  let from = 0;
  for (let i = 0; i <= template.length; i++) {
    const ch = template[i];
    if (i < template.length && ch !== MARK.number && ch !== MARK.shortDescription) continue;
    if (i > from) parts.push(text(template.slice(from, i)));
    if (ch === MARK.number) parts.push(Prisma.sql`k."number"`);
    if (ch === MARK.shortDescription) parts.push(Prisma.sql`k."shortDescription"`);
    from = i + 1;
  }
  return parts.length ? Prisma.join(parts, " || ") : text("");
}

/**
 * Comment entries of cases: a condition on j ("JournalEntry") only — no other alias is in scope in
 * every statement that uses it (tables/case.ts fills reply tokens from it too).
 */
export type CommentSelection = { readonly where: Prisma.Sql };

/** The comments on the cases `caseIds` that carry `idempotencyKey` (Notify Customers, PRO-3). */
export const commentsKeyed = (caseIds: readonly number[], idempotencyKey: string): CommentSelection => ({
  where: Prisma.sql`j."recordId" IN (${Prisma.join(caseIds)}) AND j."idempotencyKey" = ${idempotencyKey}`,
});

/** The copies on the children of major case `parentId` written for `eventKey` (MAJ-5). */
export const childCommentsOf = (parentId: number, eventKey: string): CommentSelection => ({
  where: Prisma.sql`j."recordId" IN (SELECT c."id" FROM "Case" c WHERE c."parentId" = ${parentId})
    AND j."eventKey" = ${eventKey}`,
});

/** One comment entry by id. */
export const commentWithId = (id: number): CommentSelection => ({ where: Prisma.sql`j."id" = ${id}` });

/** Case comment entries (`entries`, kind "comments" only: work notes never leave by email). */
export const caseComments = (entries: CommentSelection) =>
  Prisma.sql`j."table" = ${TABLE.case} AND j."kind" = 'comments' AND ${entries.where}`;

/**
 * One email per (selected comment entry, customer) — the case's contact, else its consumer,
 * when active — the template's MARKs filled from the case, sent from the case's reply address
 * (PRO-5; tokens filled beforehand). `keyPrefix` names the cause; the dedupe key adds the entry
 * id and recipient. Returns how many were queued.
 */
export function insertCommentMessages(
  tx: Tx,
  entries: CommentSelection,
  mail: { subject: string; text: string; html: string },
  opts: { keyPrefix: string; domain: string; replyPrefix: string; now: Date },
): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "OutboxMessage" ("dedupeKey", "recipient", "subject", "body", "status", "sourceTable", "sourceId",
      "event", "attempts", "createdAt", "htmlBody", "messageId", "replyTo")
    SELECT ${text(opts.keyPrefix)} || CAST(j."id" AS TEXT) || ':' || lower(u."email"), u."email",
      ${fill(mail.subject)}, ${fill(mail.text)}, 'pending', ${TABLE.case}, k."id", 'case.comment', 0, ${opts.now},
      ${fill(mail.html)}, '<' || ${randomHex()} || ${text(`@${opts.domain}>`)},
      ${text(opts.replyPrefix)} || k."replyToken" || ${text(`@${opts.domain}`)}
    FROM "JournalEntry" j
    JOIN "Case" k ON k."id" = j."recordId"
    JOIN "User" u ON u."id" = COALESCE(k."contactId", k."consumerId") AND u."active" = ${true}
    WHERE ${caseComments(entries)}
    ON CONFLICT DO NOTHING`;
}

/** The outbox as a job queue (./queue-claims.ts): pending messages, and sends whose claim lapsed. */
export const OUTBOX_QUEUE: Queue = {
  table: "OutboxMessage",
  due: (now) => Prisma.sql`(("status" = 'pending' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}))
    OR ("status" = 'sending' AND "lockedUntil" < ${now}))`,
  // The attempt is counted when its send begins (outbox/deliver.ts), not here: of a batch claimed by a
  // sender that died, only the message it was sending used an attempt.
  set: Prisma.sql`"status" = 'sending'`,
};
