// PRO-5: every email to a customer about a case carries a reply address unique to the case —
// reply+<token>@<inbound domain> — where the token is unguessable (Case.replyToken). A reply is
// matched to its case by this token (or by In-Reply-To / References naming a Message-ID we sent).

export const REPLY_PREFIX = "reply+";

/** Tokens are base64url of 24 random bytes (32 characters); anything else is not ours. */
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

export const isReplyToken = (token: string) => TOKEN.test(token);

/** The reply address of a case with this token. */
export function replyAddress(token: string, domain: string): string {
  return `${REPLY_PREFIX}${token}@${domain}`;
}

/**
 * The case token an address names, or null: the local part must be reply+<token> and the domain
 * our inbound domain (case-insensitive); the token itself is case-sensitive.
 */
export function replyTokenOf(address: string, domain: string): string | null {
  const at = address.lastIndexOf("@");
  if (at < 0 || address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return null;
  const local = address.slice(0, at);
  if (!local.toLowerCase().startsWith(REPLY_PREFIX)) return null;
  const token = local.slice(REPLY_PREFIX.length);
  return isReplyToken(token) ? token : null;
}
