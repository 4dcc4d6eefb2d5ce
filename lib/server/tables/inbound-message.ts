import "server-only";
// "InboundMessage": each email received, with its deliveries and outcome (REL-6, NOT-3).
import { Prisma, type Db, type Tx } from "@/lib/db";
import { INBOUND_FAILED as FAILED } from "@/lib/domain/email/inbound";

export type NewInboundMessage = {
  dedupeKey: string;
  messageId: string | null;
  fromAddress: string;
  toAddress: string;
  subject: string;
  receivedVia: string;
  size: number;
};

/** The row of a message's first delivery, with its status and reason (ON CONFLICT follows). */
function insertFirstDelivery(m: NewInboundMessage, status: string, reason: string | null) {
  const { dedupeKey, messageId, fromAddress: from, toAddress: to, subject, receivedVia: via, size } = m;
  return Prisma.sql`
    INSERT INTO "InboundMessage" ("dedupeKey", "messageId", "fromAddress", "toAddress", "subject",
      "receivedVia", "size", "status", "reason", "deliveries", "receivedAt")
    VALUES (${dedupeKey}, ${messageId}, ${from}, ${to}, ${subject}, ${via}, ${size},
      ${status}, ${reason}, 1, ${new Date()})`;
}

/**
 * REL-6: records one delivery of a message. The unique dedupeKey decides ownership: the first
 * delivery inserts the row (deliveries = 1, status "processing"); every other delivery of the same
 * message only counts itself (deliveries + 1) — unless the message "failed" (an error, recorded by
 * recordFailure): then this delivery takes it back to "processing" and processes it again. Only
 * the owner's open transaction ever holds "processing", so the status returned tells the owner.
 * On PostgreSQL a concurrent duplicate waits on the unique index (or the row) until the first
 * transaction ends — then it counts itself, or, if the first rolled back, owns the message; on
 * SQLite transactions run one at a time.
 */
export async function countDelivery(
  tx: Tx,
  m: NewInboundMessage,
): Promise<{ id: number; deliveries: number; status: string }> {
  const rows = await tx.$queryRaw<{ id: number | bigint; deliveries: number | bigint; status: string }[]>`
    ${insertFirstDelivery(m, "processing", null)}
    ON CONFLICT ("dedupeKey") DO UPDATE SET "deliveries" = "InboundMessage"."deliveries" + 1,
      "status" = CASE WHEN "InboundMessage"."status" = ${FAILED} THEN ${"processing"}
        ELSE "InboundMessage"."status" END
    RETURNING "id", "deliveries", "status"`;
  const row = rows[0];
  return { id: Number(row.id), deliveries: Number(row.deliveries), status: row.status };
}

export type InboundOutcomeRow = {
  status: string;
  reason: string | null;
  caseId: number | null;
  journalEntryId: number | null;
};

/**
 * The outcome of the owning delivery (raw: one per email of a burst, where a modelled update costs
 * ~0.8 ms of Prisma's query compilation).
 */
export async function setOutcome(tx: Tx, id: number, o: InboundOutcomeRow): Promise<void> {
  await tx.$executeRaw`
    UPDATE "InboundMessage" SET "status" = ${o.status}, "reason" = ${o.reason}, "caseId" = ${o.caseId},
      "journalEntryId" = ${o.journalEntryId}
    WHERE "id" = ${id}`;
}

/**
 * REL-6: a delivery whose processing threw (its transaction rolled back, the sender was asked to
 * retry) leaves a "failed" row, so /admin/inbox shows a message that keeps failing instead of
 * nothing. It counts the delivery; a row another delivery has meanwhile finished is left alone.
 * The next delivery reclaims the row (countDelivery) and processes the message again.
 */
export async function recordFailure(client: Db, m: NewInboundMessage, reason: string): Promise<void> {
  await client.$executeRaw`
    ${insertFirstDelivery(m, FAILED, reason)}
    ON CONFLICT ("dedupeKey") DO UPDATE SET "deliveries" = "InboundMessage"."deliveries" + 1,
      "reason" = ${reason}
    WHERE "InboundMessage"."status" = ${FAILED}`;
}
