import "server-only";
import { takeTurnsOn, transaction, type Tx } from "@/lib/db";
import {
  caseReferenceOf,
  INBOUND_MAX_BYTES,
  namesReplyAddress,
  type InboundOutcome,
  type InboundRefusal,
} from "@/lib/domain/email/inbound";
import { filesOnlyReply, replyText } from "@/lib/domain/email/inbound-text";
import { sanitizeFileName } from "@/lib/domain/attachments/files";
import { isCaseClosedForChanges } from "@/lib/domain/cases/lifecycle";
import { keepMailAttachments } from "../attachments/store";
import { addCustomerReply } from "../cases/customer-reply";
import { isPoolBusy } from "../errors";
import { inboundEmailDomain } from "../email/config";
import { LOCK } from "../locks";
import { claimMessage, finishMessage, noteFailure, type Via } from "./claim";
import { answerClosedCase } from "./closed-answer";
import { matchMessage } from "./match";
import { receiveNewMessage, supportAddressOfMessage } from "./new-message";
import { parseInbound, parseHeadersOnly, withEnvelope, type ParsedInbound } from "./parse";

export type { Via };

/**
 * PRO-5, REL-6: one received email, from the SMTP listener or POST /api/inbound/email. `raw` is
 * the RFC 822 message; `truncated` says the sender stopped reading it at the size limit (the
 * message is refused as too large, from the headers of what was read). Every message gets one
 * InboundMessage row with its outcome; an accepted reply is an additional comment by the
 * customer on the case (lib/server/cases/customer-reply.ts), all in one transaction. A delivery
 * whose processing throws leaves a "failed" row (claim.ts noteFailure) and rethrows.
 */
export async function receive(
  raw: Buffer,
  via: Via,
  opts: { truncated?: boolean; envelopeTo?: readonly string[] } = {},
): Promise<InboundOutcome> {
  const tooLarge = opts.truncated || raw.length > INBOUND_MAX_BYTES;
  const parsed = tooLarge ? await parseHeadersOnly(raw) : await parseInbound(raw);
  const read = parsed ?? (await parseHeadersOnly(raw)); // malformed: whatever headers there are
  const p = withEnvelope(read, opts.envelopeTo ?? []);
  const refusedBefore: InboundRefusal | null = tooLarge ? "too_large" : parsed ? null : "malformed";
  const outcome = await transaction(async (tx) => {
    // NOT-3: one sender's messages that name no case by its reply address take turns, so a
    // follow-up finds the message it follows. A reply to a reply address needs no turn (it locks
    // its case): a burst of replies from one address (PERF-6) is not made to queue.
    if (p.from && !namesReplyAddress(caseReferenceOf(p, inboundEmailDomain())))
      await takeTurnsOn(tx, LOCK.inboundSender, p.from.toLowerCase());
    const claim = await claimMessage(tx, p, via, raw.length);
    if (!claim.owner) return duplicate(claim.deliveries, claim.status);
    if (refusedBefore) return refuse(tx, claim.id, refusedBefore);
    return processMessage(tx, claim.id, p);
  }).catch(async (e: unknown) => {
    // REL-6: an error, not a judgement: nothing was written and the sender retries; the inbox
    // shows the message as failed meanwhile. No connection free (busy): nothing ran to record.
    if (!isPoolBusy(e)) await noteFailure(p, via, raw.length, e);
    throw e;
  });
  if (outcome.status === "refused")
    console.warn(
      `inbound email refused (${outcome.reason}) via ${via}: from ${p.from || "?"}, key ${p.dedupeKey}`,
    );
  return outcome;
}

const duplicate = (deliveries: number, original: string): InboundOutcome => ({
  status: "duplicate",
  deliveries,
  original,
});

async function refuse(tx: Tx, id: number, reason: InboundRefusal, caseId?: number): Promise<InboundOutcome> {
  await finishMessage(tx, id, { status: "refused", reason, caseId });
  return { status: "refused", reason, caseId };
}

async function processMessage(tx: Tx, id: number, p: ParsedInbound): Promise<InboundOutcome> {
  const match = await matchMessage(tx, p);
  // NOT-3: a message naming no case, sent to the support address, is a new case (or waits).
  if (!match.ok && match.reason === "no_case") {
    const support = await supportAddressOfMessage(tx, p);
    if (support) return receiveNewMessage(tx, id, p, support);
  }
  if (!match.ok) return refuse(tx, id, match.reason, match.caseId);
  const { caseRow, customer } = match;
  // A follow-up to the customer's own email whose case has since been closed ("broken again",
  // weeks later, in their own thread) is a new message, as it was before such follow-ups were
  // matched — not a refusal pointing to a portal they may have no password for.
  if (match.received && isCaseClosedForChanges(caseRow.state)) {
    const support = await supportAddressOfMessage(tx, p);
    if (support) return receiveNewMessage(tx, id, p, support);
  }
  // REL-6: an out-of-office answer to a notification is no reply: it must not reopen the case
  // nor reach the incident and every case's work notes (PRO-4).
  if (p.automatic) return refuse(tx, id, "automatic", caseRow.id);
  if (isCaseClosedForChanges(caseRow.state)) {
    await finishMessage(tx, id, { status: "refused", reason: "case_closed", caseId: caseRow.id });
    await answerClosedCase(tx, id, p, caseRow);
    return { status: "refused", reason: "case_closed", caseId: caseRow.id };
  }
  // NOT-4: a reply of files only (the question quoted, nothing typed) is still the customer's answer.
  const files = p.attachments.filter((a) => a.content.byteLength && !a.inline);
  const body =
    replyText(p.text) ||
    (files.length ? filesOnlyReply(files.map((a) => sanitizeFileName(a.filename ?? ""))) : "");
  if (!body) return refuse(tx, id, "empty", caseRow.id);
  const reply = await addCustomerReply(tx, { caseRow, customer, body, idempotencyKey: p.dedupeKey });
  if (reply.entryId === null) return refuse(tx, id, "empty", caseRow.id); // the key was used: nothing new
  await keepMailAttachments(tx, caseRow.id, customer, p.attachments); // NOT-4
  await finishMessage(tx, id, { status: "accepted", caseId: caseRow.id, journalEntryId: reply.entryId });
  return {
    status: "accepted",
    caseId: caseRow.id,
    caseNumber: caseRow.number,
    journalEntryId: reply.entryId,
  };
}
