import "server-only";
import type { Tx } from "@/lib/db";
import { caseStates, labelOf } from "@/lib/domain/records/choices";
import { portalNewCaseLink } from "@/lib/domain/email/customer-mail";
import { appUrl } from "../app-url";
import { enqueueMail } from "../outbox/write";
import type { CaseRow } from "../case-store/row";
import { customerMessageId } from "../email/reply-token";
import { CASE_MAIL_SOURCE } from "./match";
import type { ParsedInbound } from "./parse";

/**
 * PRO-5: a reply to a Closed or Cancelled case is refused, and its sender — already checked to
 * be the case's customer — is told to open a new case, in reply to their message. Queued with the
 * refusal (REL-4); once per received message (dedupe key). Deliberately no reply address: a
 * reply to this answer would only be refused again. Automatic mail (auto-replies, lists) gets no
 * answer, so two autoresponders cannot loop.
 */
export async function answerClosedCase(tx: Tx, inboundId: number, p: ParsedInbound, c: CaseRow) {
  if (p.automatic) return false;
  const state = labelOf(caseStates, c.state);
  const body =
    `Your message about case ${c.number} (${c.shortDescription}) was not added: the case is ${state}.\n\n` +
    `If you still need help, please open a new case in the customer portal and mention ${c.number}:\n` +
    portalNewCaseLink(appUrl());
  return enqueueMail(tx, {
    dedupeKey: `inbound-closed:${inboundId}`,
    recipient: p.from,
    subject: `Case ${c.number} is ${state}: please open a new case`,
    body,
    event: "case.reply_refused",
    source: { table: CASE_MAIL_SOURCE, id: c.id },
    messageId: customerMessageId(),
    inReplyTo: p.messageId,
  });
}
