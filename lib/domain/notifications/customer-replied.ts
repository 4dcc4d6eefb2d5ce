// NOT-2: the email the assignee of a case gets when its customer replies (portal or email).
// Plain text, to an internal user only.
export type CustomerRepliedMailInput = {
  number: string;
  shortDescription: string;
  /** The customer who wrote the reply. */
  customerName: string;
  reply: string;
  /** The case's page in the workspace. */
  link: string;
};

/** How much of the reply the email quotes; the case page has the rest. */
export const REPLY_EXCERPT_MAX = 500;

/** The reply's first REPLY_EXCERPT_MAX characters, cut at a character (never half a surrogate pair). */
export function replyExcerpt(reply: string, max = REPLY_EXCERPT_MAX): string {
  const text = reply.trim();
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max).join("").trimEnd()} …`;
}

export function customerRepliedMail(m: CustomerRepliedMailInput): { subject: string; body: string } {
  const what = `Case ${m.number}`;
  return {
    subject: `${what}: the customer replied`,
    body:
      `${m.customerName} replied on ${what} (${m.shortDescription}):\n\n` +
      `${replyExcerpt(m.reply)}\n\nOpen it: ${m.link}\n`,
  };
}
