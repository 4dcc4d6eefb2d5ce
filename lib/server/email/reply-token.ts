import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { replyAddress } from "@/lib/domain/email/reply-address";
import { fillReplyToken } from "@/lib/server/tables/case";
import { inboundEmailDomain } from "./config";

/**
 * PRO-5: the case's reply address, creating its unguessable token (24 random bytes, base64url)
 * the first time the customer is emailed about the case. Inside the caller's transaction; two
 * transactions racing keep whichever token was written first (the update only fills a NULL).
 */
export async function caseReplyAddress(tx: Tx, caseId: number): Promise<string> {
  const fresh = randomBytes(24).toString("base64url");
  await fillReplyToken(tx, caseId, fresh);
  const row = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { replyToken: true } });
  return replyAddress(row.replyToken!, inboundEmailDomain());
}

/**
 * A Message-ID for one customer email, chosen when it is queued (OutboxMessage.messageId) so that
 * every delivery attempt sends the same one and a reply's In-Reply-To finds it (PRO-5). Random:
 * it reveals nothing about the case.
 */
export function customerMessageId(): string {
  return `<${randomBytes(16).toString("hex")}@${inboundEmailDomain()}>`;
}
