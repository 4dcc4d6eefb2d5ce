import "server-only";
import type { Tx } from "@/lib/db";
import type { InboundRefusal } from "@/lib/domain/email/inbound";
import type { ParsedInbound } from "./parse";

export type Via = "smtp" | "api";
export type Claim = { id: number; deliveries: number; status: string; owner: boolean };

/**
 * REL-6: records one delivery of a message, inside the transaction that processes it. The
 * unique dedupeKey decides ownership: the first delivery inserts the row (deliveries = 1) and
 * processes the message; every other delivery of the same message only counts itself
 * (deliveries + 1). On PostgreSQL a concurrent duplicate waits on the unique index until the
 * first transaction ends — then it counts itself, or, if the first rolled back, owns the message;
 * on SQLite transactions run one at a time. So 50 identical deliveries at once write one comment.
 */
export async function claimMessage(tx: Tx, p: ParsedInbound, via: Via, size: number): Promise<Claim> {
  const to = p.recipients.join(", ").slice(0, 1000);
  const rows = await tx.$queryRaw<{ id: number | bigint; deliveries: number | bigint; status: string }[]>`
    INSERT INTO "InboundMessage" ("dedupeKey", "messageId", "fromAddress", "toAddress", "subject",
      "receivedVia", "size", "status", "deliveries", "receivedAt")
    VALUES (${p.dedupeKey}, ${p.messageId}, ${p.from}, ${to}, ${p.subject}, ${via}, ${size},
      ${"processing"}, 1, ${new Date()})
    ON CONFLICT ("dedupeKey") DO UPDATE SET "deliveries" = "InboundMessage"."deliveries" + 1
    RETURNING "id", "deliveries", "status"`;
  const row = rows[0];
  const deliveries = Number(row.deliveries);
  return { id: Number(row.id), deliveries, status: row.status, owner: deliveries === 1 };
}

export type Finish =
  | { status: "accepted"; caseId: number; journalEntryId: number }
  | { status: "refused"; reason: InboundRefusal; caseId?: number | null };

/**
 * The outcome of the owning delivery, in the same transaction (raw: one per email of a burst,
 * where a modelled update costs ~0.8 ms of Prisma's query compilation).
 */
export async function finishMessage(tx: Tx, id: number, f: Finish | Opened) {
  const reason = f.status === "refused" ? f.reason : null;
  const entry = f.status === "accepted" ? f.journalEntryId : null;
  await tx.$executeRaw`
    UPDATE "InboundMessage" SET "status" = ${f.status}, "reason" = ${reason}, "caseId" = ${f.caseId ?? null},
      "journalEntryId" = ${entry}
    WHERE "id" = ${id}`;
}

/** NOT-3: a new message that opened a case. */
type Opened = { status: "opened"; caseId: number };
