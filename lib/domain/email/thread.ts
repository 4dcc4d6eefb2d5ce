// PRO-5 / NOT-1: every email to a customer about one case belongs to one conversation in their
// mail client. Mail clients thread by References / In-Reply-To (Gmail also wants a like subject),
// so each such email names the case's thread: a Message-ID of its own that no message carries,
// as GitHub's notification emails name an issue's. A client threads messages that share one even
// when that message is missing. It is derived from the case's reply address, so every email of the
// case finds it without a column, but by a hash: a forwarded header holds no working reply address.
import { createHash } from "node:crypto";
import { replyTokenOf } from "./reply-address";

/** The thread of the case whose reply address is `replyTo` (reply+<token>@domain), or null. */
export function caseThreadId(replyTo: string): string | null {
  const domain = replyTo.slice(replyTo.lastIndexOf("@") + 1);
  const token = replyTokenOf(replyTo, domain);
  if (!token) return null;
  const digest = createHash("sha256").update(token).digest("hex").slice(0, 32);
  return `<case-${digest}@${domain}>`;
}

/**
 * In-Reply-To and References for one outgoing email: the message it answers (an inbound reply that
 * was refused, say) and the case's thread; nothing for email that is about no case.
 */
export function threadHeaders(m: {
  replyTo: string | null;
  inReplyTo: string | null;
}): { inReplyTo: string; references: string[] } | Record<string, never> {
  const root = m.replyTo ? caseThreadId(m.replyTo) : null;
  const references = [root, m.inReplyTo].filter((id): id is string => !!id);
  if (!references.length) return {};
  return { inReplyTo: m.inReplyTo ?? references[0], references };
}
