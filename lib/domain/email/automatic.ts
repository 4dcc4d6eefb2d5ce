// REL-6: automatic mail, both ways. Ours says it is automatic (RFC 3834 `Auto-Submitted`, and
// Exchange's `X-Auto-Response-Suppress`), so that a customer's out-of-office or auto-responder does
// not answer it — an answer that, on a Closed case, would be answered again ("open a new case"),
// and so on. Theirs is recognised by the headers responders set, the standard ones and the common
// non-standard ones, and refused before it becomes a comment or a case.

/**
 * The headers of every email the outbox sends: `auto-replied` when it answers a message we received
 * (its In-Reply-To names that message: a refused reply's answer), `auto-generated` otherwise.
 */
export function automaticHeaders(m: { inReplyTo: string | null }): Record<string, string> {
  return {
    "Auto-Submitted": m.inReplyTo ? "auto-replied" : "auto-generated",
    "X-Auto-Response-Suppress": "All",
  };
}

type Header = (name: string) => string | undefined;

/**
 * Whether a received message is automatic: `Auto-Submitted` other than "no" (RFC 3834), `Precedence`
 * bulk, list, junk or auto_reply, or a header that responders without RFC 3834 set (`X-Autoreply`,
 * `X-Autorespond`, `X-Auto-Reply`, `X-Autoresponder`); or a report (`multipart/report`, RFC 6522: a
 * bounce, a delay notice, a read receipt), mail from a MAILER-DAEMON or with the null return path
 * (`Return-Path: <>`) — bounces often carry none of
 * those headers, and one of ours bounced came back among the unknown senders, our email (its reply
 * address) attached. Not Exchange's `X-MS-Exchange-Inbox-Rules-Loop`: a customer's inbox rule that
 * redirects a shared mailbox to support sets it on mail a person wrote.
 */
export function isAutomaticMessage(
  header: Header,
  message: { contentType: string; from: string; returnPath?: string | null } = { contentType: "", from: "" },
): boolean {
  if (/^multipart\/report$/i.test(message.contentType.trim())) return true;
  if (/^mailer-daemon@/i.test(message.from.trim())) return true;
  // The null reverse path (RFC 5321 §4.5.5): what every delivery report is sent with.
  if (message.returnPath === "") return true;
  const autoSubmitted = header("auto-submitted")?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return true;
  if (/^(bulk|list|junk|auto_reply)$/i.test(header("precedence")?.trim() ?? "")) return true;
  const responder = ["x-autoreply", "x-autorespond", "x-auto-reply", "x-autoresponder"];
  return responder.some((n) => (header(n)?.trim().toLowerCase() ?? "no") !== "no");
}
