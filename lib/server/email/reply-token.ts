import "server-only";
import { randomBytes } from "node:crypto";
import { inboundEmailDomain } from "./config";

// PRO-5: a case's reply token (the unguessable part of reply+<token>@…) is 32 random hex
// characters from the database's strong random source, given when the customer is first emailed
// about the case (lib/server/tables/case.ts fillReplyTokens, fillReplyTokensOfComments).

/**
 * A Message-ID for one customer email, chosen when it is queued (OutboxMessage.messageId) so that
 * every delivery attempt sends the same one and a reply's In-Reply-To finds it (PRO-5). Random:
 * it reveals nothing about the case.
 */
export function customerMessageId(): string {
  return `<${randomBytes(16).toString("hex")}@${inboundEmailDomain()}>`;
}
