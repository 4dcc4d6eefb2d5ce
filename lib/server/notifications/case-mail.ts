import "server-only";
import type { Tx } from "@/lib/db";
import { replyAddress } from "@/lib/domain/email/reply-address";
import {
  finishesCase,
  templateOrDefault,
  renderCaseMail,
  type CaseMailEvent,
  type CaseMailTemplate,
} from "@/lib/domain/notifications/case-mail";
import { caseStates, labelOf } from "@/lib/domain/records/choices";
import { portalCaseLink, portalNewCaseLink } from "@/lib/domain/email/customer-mail";
import { appUrl } from "../app-url";
import { inboundEmailDomain } from "../email/config";
import { customerMessageId } from "../email/reply-token";
import { fillReplyTokens } from "../tables/case";
import { readCaseCustomers } from "../tables/case-reads";
import { readCaseMailTemplate } from "../tables/case-mail-template";
import { insertCaseMessages, type CaseMessage } from "../tables/outbox-message";
import { wakeDelivery } from "../outbox/write";
import { num } from "../tables/sql";
import { oncePerTransaction } from "../transaction-memo";

/**
 * An event's template as the admin left it, or its default (an event nobody edited has no row).
 * Raw: read on every case change that emails, where a modelled query's compilation costs ~0.8 ms.
 */
export function caseMailTemplate(tx: Tx, event: CaseMailEvent): Promise<CaseMailTemplate> {
  return oncePerTransaction(tx, `case-mail:${event}`, () => loadCaseMailTemplate(tx, event));
}

async function loadCaseMailTemplate(tx: Tx, event: CaseMailEvent): Promise<CaseMailTemplate> {
  return templateOrDefault(event, await readCaseMailTemplate(tx, event));
}

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
  // Reply tokens first (PRO-5): a case emailed for the first time gets its unguessable token.
  await fillReplyTokens(tx, caseIds);
  const rows = await readCaseCustomers(tx, caseIds);
  if (!rows.length) return 0;
  const domain = inboundEmailDomain();
  // A reply to a Closed or Cancelled case is refused (PRO-5): its email does not invite one.
  const finished = finishesCase(event);
  const messages = rows.map((r): CaseMessage => {
    const mail = renderCaseMail(template, {
      number: r.number,
      shortDescription: r.shortDescription,
      stateLabel: labelOf(caseStates, num(r.state)),
      customerName: r.name,
      portalLink: portalCaseLink(appUrl(), r.number),
      question: extra.question,
      resolutionNotes: r.resolutionNotes,
      finished,
      newCaseLink: portalNewCaseLink(appUrl()),
    });
    return {
      dedupeKey: `case:${num(r.id)}:${event}:v${num(r.version)}:${num(r.userId)}`,
      recipient: r.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      caseId: num(r.id),
      event: `case.${event}`,
      messageId: customerMessageId(),
      replyTo: replyAddress(r.replyToken, domain),
    };
  });
  return wakeDelivery(tx, await insertCaseMessages(tx, messages, new Date()));
}
