import "server-only";
import type { Tx } from "@/lib/db";
import { caseReferenceOf, matchingSender, type InboundRefusal } from "@/lib/domain/email/inbound";
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
  { ok: true; caseRow: CaseRow; customer: Customer } | { ok: false; reason: InboundRefusal; caseId?: number };

type Named = { number: string } | { reason: InboundRefusal };

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
  const first = ref.messageIds.map((id) => sent.find((s) => s.messageId === id)).find(Boolean);
  if (!first) return { reason: "no_case" };
  const c = await tx.case.findUnique({ where: { id: first.sourceId! }, select: { number: true } });
  return c ? { number: c.number } : { reason: "no_case" };
}

/**
 * PRO-5: the case a message names (token, else In-Reply-To/References), row-locked, and the
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
  if (!seen) return { ok: false, reason: "sender_mismatch", caseId: glance.id };
  const caseRow = await lockCaseForReply(tx, named.number);
  if (!caseRow) return { ok: false, reason: "no_case" };
  const same = caseRow.contactId === glance.contactId && caseRow.consumerId === glance.consumerId;
  const customer = same ? seen : await senderOf(tx, caseRow, p.from);
  if (!customer) return { ok: false, reason: "sender_mismatch", caseId: caseRow.id };
  return { ok: true, caseRow, customer };
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
