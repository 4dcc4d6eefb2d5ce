import "server-only";
import { db, type Tx } from "@/lib/db";
import { failureReason, type InboundRefusal } from "@/lib/domain/email/inbound";
import { clipText } from "@/lib/domain/unicode";
import { countDelivery, recordFailure, setOutcome } from "@/lib/server/tables/inbound-message";
import { errorKind } from "../errors";
import { currentRequestId } from "../ops/request-user";
import type { ParsedInbound } from "./parse";

export type Via = "smtp" | "api";
export type Claim = { id: number; deliveries: number; status: string; owner: boolean };

/**
 * REL-6: records one delivery of a message, inside the transaction that processes it. The
 * unique dedupeKey decides ownership: the first delivery inserts the row (deliveries = 1) and
 * processes the message; every other delivery of the same message only counts itself
 * (deliveries + 1), unless the message "failed" before (noteFailure): then it is processed again.
 * On PostgreSQL a concurrent duplicate waits on the unique index until the first transaction
 * ends — then it counts itself, or, if the first rolled back, owns the message; on SQLite
 * transactions run one at a time. So 50 identical deliveries at once write one comment.
 */
export async function claimMessage(tx: Tx, p: ParsedInbound, via: Via, size: number): Promise<Claim> {
  const row = await countDelivery(tx, rowOf(p, via, size));
  return { ...row, owner: row.status === "processing" };
}

const rowOf = (p: ParsedInbound, via: Via, size: number) => ({
  dedupeKey: p.dedupeKey,
  messageId: p.messageId,
  fromAddress: p.from,
  toAddress: clipText(p.recipients.join(", "), 1000),
  subject: p.subject,
  receivedVia: via,
  size,
});

/**
 * REL-6: the processing of a delivery threw and its transaction rolled back: a "failed" row (in a
 * transaction of its own), so the message is seen on /admin/inbox until a later delivery gets
 * through. Never throws: the original error is the one the caller reports.
 */
export async function noteFailure(p: ParsedInbound, via: Via, size: number, e: unknown): Promise<void> {
  try {
    await recordFailure(db(), rowOf(p, via, size), failureReason(errorKind(e), currentRequestId()));
  } catch (noted) {
    console.error("inbound email: the failure could not be recorded either", noted);
  }
}

export type Finish =
  | { status: "accepted"; caseId: number; journalEntryId: number }
  | { status: "refused"; reason: InboundRefusal; caseId?: number | null };

/** The outcome of the owning delivery, in the same transaction (lib/server/tables/inbound-message.ts). */
export async function finishMessage(tx: Tx, id: number, f: Finish | Opened) {
  const reason = f.status === "refused" ? f.reason : null;
  const entry = f.status === "accepted" ? f.journalEntryId : null;
  await setOutcome(tx, id, { status: f.status, reason, caseId: f.caseId ?? null, journalEntryId: entry });
}

/** NOT-3: a new message that opened a case. */
type Opened = { status: "opened"; caseId: number };
