import "server-only";
import { Prisma, type Tx } from "@/lib/db";
import { replyAddress } from "@/lib/domain/email/reply-address";
import {
  templateOrDefault,
  renderCaseMail,
  type CaseMailEvent,
  type CaseMailTemplate,
} from "@/lib/domain/notifications/case-mail";
import { caseStates, labelOf } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { appUrl } from "../app-url";
import { inboundEmailDomain } from "../email/config";
import { randomHex } from "../email/customer-comments";
import { customerMessageId } from "../email/reply-token";
import { num } from "../sql";
import { oncePerTransaction } from "../transaction-memo";

/**
 * An event's template as the admin left it, or its default (an event nobody edited has no row).
 * Raw: read on every case change that emails, where a modelled query's compilation costs ~0.8 ms.
 */
export function caseMailTemplate(tx: Tx, event: CaseMailEvent): Promise<CaseMailTemplate> {
  return oncePerTransaction(tx, `case-mail:${event}`, () => loadCaseMailTemplate(tx, event));
}

async function loadCaseMailTemplate(tx: Tx, event: CaseMailEvent): Promise<CaseMailTemplate> {
  const rows = await tx.$queryRaw<{ enabled: unknown; subject: string; body: string }[]>`
    SELECT "enabled", "subject", "body" FROM "CaseMailTemplate" WHERE "event" = ${event}`;
  const row = rows[0];
  return templateOrDefault(
    event,
    row ? { ...row, enabled: row.enabled === true || Number(row.enabled) === 1 } : null,
  );
}

type Row = {
  id: unknown;
  number: string;
  shortDescription: string;
  state: unknown;
  version: unknown;
  resolutionNotes: string | null;
  replyToken: string;
  userId: unknown;
  email: string;
  name: string;
};

/**
 * NOT-1: queues the `event` email to the customer of each case in `caseIds` — its contact, else
 * its consumer, when active — in the transaction of the change (REL-4), from the case's reply
 * address (PRO-5) so that an answer lands on the case. Nothing when the admin switched the event
 * off; nothing for a case without a customer. One email per event and case version, whatever
 * retries happen. Set-based — a few statements for one case or a batch of 500 (auto-close, a
 * major case's children). Call it after the change is written: it reads the cases as changed.
 */
export async function queueCaseMails(
  tx: Tx,
  event: CaseMailEvent,
  caseIds: readonly number[],
  extra: { question?: string | null } = {},
): Promise<number> {
  if (!caseIds.length) return 0;
  const template = await caseMailTemplate(tx, event);
  if (!template.enabled) return 0;
  const ids = Prisma.join(caseIds);
  // Reply tokens first (PRO-5): a case emailed for the first time gets its unguessable token.
  await tx.$executeRaw`
    UPDATE "Case" SET "replyToken" = ${randomHex()}
    WHERE "id" IN (${ids}) AND "replyToken" IS NULL AND COALESCE("contactId", "consumerId") IS NOT NULL`;
  const rows = await tx.$queryRaw<Row[]>`
    SELECT k."id", k."number", k."shortDescription", k."state", k."version", k."resolutionNotes", k."replyToken",
      u."id" AS "userId", u."email", u."name"
    FROM "Case" k JOIN "User" u ON u."id" = COALESCE(k."contactId", k."consumerId") AND u."active" = ${true}
    WHERE k."id" IN (${ids})`;
  if (!rows.length) return 0;
  const now = new Date();
  const domain = inboundEmailDomain();
  const values = rows.map((r) => {
    const mail = renderCaseMail(template, {
      number: r.number,
      shortDescription: r.shortDescription,
      stateLabel: labelOf(caseStates, num(r.state)),
      customerName: r.name,
      portalLink: `${appUrl()}/portal/cases/${r.number}`,
      question: extra.question,
      resolutionNotes: r.resolutionNotes,
    });
    const key = `case:${num(r.id)}:${event}:v${num(r.version)}:${num(r.userId)}`;
    return Prisma.sql`(${key}, ${r.email}, ${mail.subject}, ${mail.text}, 'pending', ${TABLE.case}, ${num(r.id)},
      ${`case.${event}`}, 0, ${now}, ${mail.html}, ${customerMessageId()}, ${replyAddress(r.replyToken, domain)})`;
  });
  return tx.$executeRaw`
    INSERT INTO "OutboxMessage" ("dedupeKey", "recipient", "subject", "body", "status", "sourceTable", "sourceId",
      "event", "attempts", "createdAt", "htmlBody", "messageId", "replyTo")
    VALUES ${Prisma.join(values)}
    ON CONFLICT DO NOTHING`;
}
