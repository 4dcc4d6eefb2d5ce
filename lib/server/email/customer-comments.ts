import "server-only";
import type { Tx } from "@/lib/db";
import { customerMailTemplate } from "@/lib/domain/email/customer-mail";
import { REPLY_PREFIX } from "@/lib/domain/email/reply-address";
import { fillReplyTokensOfComments } from "../tables/case";
import { insertCommentMessages, type CommentSelection } from "../tables/outbox-message";
import { wakeDelivery } from "../outbox/write";
import { appUrl } from "../app-url";
import { inboundEmailDomain } from "./config";

// PRO-3 / PRO-5 / REL-4: the customer emails of additional comments, queued in the transaction
// that wrote the comments — two set-based statements whatever the number of cases: fill the
// missing reply tokens, then one INSERT … SELECT into the outbox. The customer is the case's
// contact, else its consumer (an active user); a case without one gets no email. Only entries of
// kind "comments" are selected: work notes never leave by email.

/**
 * Queues one email per (comment entry, customer) for the journal entries `entries` selects.
 * `keyPrefix` names the cause; the dedupe key adds the entry id and recipient, so a retry or a
 * concurrent duplicate queues nothing twice. Returns how many.
 */
export async function queueCommentEmails(
  tx: Tx,
  entries: CommentSelection,
  comment: string,
  keyPrefix = "comment:",
): Promise<number> {
  // Reply tokens first (PRO-5): a case emailed for the first time gets its unguessable token.
  await fillReplyTokensOfComments(tx, entries);
  const queued = await insertCommentMessages(tx, entries, customerMailTemplate(comment, appUrl()), {
    keyPrefix,
    domain: inboundEmailDomain(),
    replyPrefix: REPLY_PREFIX,
    now: new Date(),
  });
  return wakeDelivery(tx, queued);
}
