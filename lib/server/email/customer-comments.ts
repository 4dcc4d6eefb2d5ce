import "server-only";
import { dialect, Prisma, type Tx } from "@/lib/db";
import { customerMailTemplate, MARK } from "@/lib/domain/email/customer-mail";
import { REPLY_PREFIX } from "@/lib/domain/email/reply-address";
import { TABLE } from "@/lib/domain/records/tables";
import { inboundEmailDomain } from "./config";

// PRO-3 / PRO-5 / REL-4: the customer emails of additional comments, queued in the transaction
// that wrote the comments — two set-based statements whatever the number of cases: fill the
// missing reply tokens, then one INSERT … SELECT into the outbox. The customer is the case's
// contact, else its consumer (an active user); a case without one gets no email. Only entries of
// kind "comments" are selected: work notes never leave by email.

/** 32 random hex characters per row, from the database's strong random source. */
export function randomHex(): Prisma.Sql {
  return dialect() === "postgresql"
    ? Prisma.sql`md5(CAST(gen_random_uuid() AS TEXT) || CAST(gen_random_uuid() AS TEXT))`
    : Prisma.sql`lower(hex(randomblob(16)))`;
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

const customerJoin = Prisma.sql`JOIN "User" u ON u."id" = COALESCE(k."contactId", k."consumerId")
  AND u."active" = ${true}`;

/**
 * Queues one email per (comment entry, customer) for the journal entries `entries` selects
 * (a condition on j, "JournalEntry"). `keyPrefix` names the cause; the dedupe key adds the entry
 * id and recipient, so a retry or a concurrent duplicate queues nothing twice. Returns how many.
 */
export async function queueCommentEmails(
  tx: Tx,
  entries: Prisma.Sql,
  comment: string,
  keyPrefix = "comment:",
): Promise<number> {
  const selected = Prisma.sql`j."table" = ${TABLE.case} AND j."kind" = 'comments' AND ${entries}`;
  // Reply tokens first (PRO-5): a case emailed for the first time gets its unguessable token.
  await tx.$executeRaw`
    UPDATE "Case" SET "replyToken" = ${randomHex()}
    WHERE "replyToken" IS NULL AND COALESCE("contactId", "consumerId") IS NOT NULL
      AND "id" IN (SELECT j."recordId" FROM "JournalEntry" j WHERE ${selected})`;
  const domain = inboundEmailDomain();
  const mail = customerMailTemplate(comment);
  return tx.$executeRaw`
    INSERT INTO "OutboxMessage" ("dedupeKey", "recipient", "subject", "body", "status", "sourceTable", "sourceId",
      "event", "attempts", "createdAt", "htmlBody", "messageId", "replyTo")
    SELECT ${text(keyPrefix)} || CAST(j."id" AS TEXT) || ':' || lower(u."email"), u."email", ${fill(mail.subject)},
      ${fill(mail.text)}, 'pending', ${TABLE.case}, k."id", 'case.comment', 0, ${new Date()}, ${fill(mail.html)},
      '<' || ${randomHex()} || ${text(`@${domain}>`)},
      ${text(REPLY_PREFIX)} || k."replyToken" || ${text(`@${domain}`)}
    FROM "JournalEntry" j
    JOIN "Case" k ON k."id" = j."recordId"
    ${customerJoin}
    WHERE ${selected}
    ON CONFLICT DO NOTHING`;
}
