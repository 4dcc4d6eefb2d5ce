import "server-only";
import type { Tx } from "@/lib/db";
import {
  caseReferenceOf,
  INBOUND_FAILED,
  matchingSender,
  type InboundRefusal,
} from "@/lib/domain/email/inbound";
import { TABLE } from "@/lib/domain/records/tables";
import type { CaseRow } from "../case-store/row";
import { lockCaseForReply } from "../cases/customer-reply";
import { inboundEmailDomain } from "../email/config";
import type { ParsedInbound } from "./parse";

/**
 * The outbox source table of customer email about a case, as every sender queues it (NOT-1's
 * templates, comments, Notify Customers): a reply's In-Reply-To is looked up among these.
 */
export const CASE_MAIL_SOURCE = TABLE.case;

type Customer = { id: number; name: string; email: string };
export type Matched =
  | { ok: true; caseRow: CaseRow; customer: Customer; received?: boolean }
  | { ok: false; reason: InboundRefusal; caseId?: number };

/** `received`: found as a follow-up of a customer's own message, not of one we sent. */
type Named = { number: string; received?: boolean } | { reason: InboundRefusal };

/** The statuses of inbound messages that became part of a case: opened it, or replied on it. */
const ON_A_CASE = ["opened", "accepted"];

async function caseNumberOf(tx: Tx, p: ParsedInbound): Promise<Named> {
  const ref = caseReferenceOf(
    { recipients: p.recipients, inReplyTo: p.inReplyTo, references: p.references },
    inboundEmailDomain(),
  );
  if (ref.tokens.length) {
    const found = await tx.case.findMany({
      where: { replyToken: { in: ref.tokens } },
      select: { number: true, replyToken: true },
    });
    // The first token in header order that names a case (a reply-all to two cases goes to the first).
    const first = ref.tokens.map((t) => found.find((c) => c.replyToken === t)).find(Boolean);
    return first ? { number: first.number } : { reason: "unknown_token" };
  }
  if (!ref.messageIds.length) return { reason: "no_case" };
  const sent = await tx.outboxMessage.findMany({
    where: { messageId: { in: ref.messageIds }, sourceTable: CASE_MAIL_SOURCE, sourceId: { not: null } },
    select: { messageId: true, sourceId: true },
  });
  // NOT-3: a follow-up to the customer's own message that opened the case, or to their reply on it
  // ("forgot the log", before our acknowledgement arrived) is about that case, not a new one. Found
  // by the message's unique key (`mid:<Message-ID>`, parse.ts).
  // Read with the failed ones too (refuseWhileFollowedFailed, below): one statement.
  const read = await tx.inboundMessage.findMany({
    where: {
      dedupeKey: { in: ref.messageIds.map((id) => `mid:${id}`) },
      status: { in: [...ON_A_CASE, INBOUND_FAILED] },
    },
    select: { dedupeKey: true, caseId: true, status: true },
  });
  const received = read.filter((r) => ON_A_CASE.includes(r.status));
  // The first Message-ID in header order (In-Reply-To, then References newest first) that names one.
  for (const id of ref.messageIds) {
    const ours = sent.find((s) => s.messageId === id)?.sourceId;
    const theirs = received.find((r) => r.dedupeKey === `mid:${id}`)?.caseId;
    const caseId = ours ?? theirs;
    if (caseId === null || caseId === undefined) continue;
    const c = await tx.case.findUnique({ where: { id: caseId }, select: { number: true } });
    if (c) return { number: c.number, received: ours === undefined };
  }
  refuseWhileFollowedFailed(read);
  return { reason: "no_case" };
}

/** REL-6: a follow-up of a message whose processing failed; thrown, so both wait for their retries. */
class FollowsFailedMessage extends Error {
  override name = "Follows a failed message";
}

/**
 * REL-6, NOT-3: a follow-up ("forgot the log") of the customer's message that failed (no case yet)
 * is not a new case: it would open one, and the message's retry another. It fails too — shown on
 * the inbox, retried by its sender — until the message it follows has its case.
 */
function refuseWhileFollowedFailed(named: readonly { status: string }[]) {
  if (named.some((r) => r.status === INBOUND_FAILED))
    throw new FollowsFailedMessage("It follows a message whose processing failed; retry later.");
}

/**
 * PRO-5: the case a message names (token, else In-Reply-To/References: a message we sent about a
 * case, or one of the customer's that opened it or replied on it), row-locked, and the
 * customer who sent it — the case's contact or consumer, active, with the From address.
 */
export async function matchMessage(tx: Tx, p: ParsedInbound): Promise<Matched> {
  const named = await caseNumberOf(tx, p);
  if ("reason" in named) return { ok: false, reason: named.reason };
  // The sender is checked before any lock: a reply copied to its incident locks every case of it
  // (lockCaseForReply), which mail from anyone else must not take. And again on the locked row.
  const glance = await tx.case.findUnique({
    where: { number: named.number },
    select: { id: true, contactId: true, consumerId: true },
  });
  if (!glance) return { ok: false, reason: "no_case" };
  const seen = await senderOf(tx, glance, p.from);
  // A colleague's reply-all to a customer's message is not a reply of the case's customer: it is
  // a new message (a case of their own, or held), not a refusal.
  if (!seen && named.received) return { ok: false, reason: "no_case" };
  if (!seen) return { ok: false, reason: "sender_mismatch", caseId: glance.id };
  const caseRow = await lockCaseForReply(tx, named.number);
  if (!caseRow) return { ok: false, reason: "no_case" };
  const same = caseRow.contactId === glance.contactId && caseRow.consumerId === glance.consumerId;
  const customer = same ? seen : await senderOf(tx, caseRow, p.from);
  if (!customer) return { ok: false, reason: "sender_mismatch", caseId: caseRow.id };
  return { ok: true, caseRow, customer, received: named.received };
}

/** The case's active contact or consumer with the From address, or null. */
async function senderOf(
  tx: Tx,
  c: { contactId: number | null; consumerId: number | null },
  from: ParsedInbound["from"],
) {
  const ids = [c.contactId, c.consumerId].filter((i): i is number => i !== null);
  const users = await tx.user.findMany({
    where: { id: { in: ids }, active: true },
    select: { id: true, name: true, email: true },
  });
  return matchingSender(from, users);
}
