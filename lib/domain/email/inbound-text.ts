// PRO-5, REL-6: the text of a reply that becomes the case comment — never markup. The MIME
// library gives a text part, or text converted from the HTML part (scripts, styles and tags
// dropped); the reply parser then strips quoted history and signatures.
import EmailReplyParser from "email-reply-parser";
import { JOURNAL_MAX_LENGTH } from "../journal/entry";

/** Characters that PostgreSQL refuses or that no reply needs (everything below space but tab/newline). */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * The reply text of a message: `text` is the text part (or the HTML part as text). Quoted
 * history ("On … wrote:", "> …") and the signature ("-- ") are removed; what is left is trimmed,
 * freed of control characters and cut to the journal limit. Empty when nothing is left.
 */
export function replyText(text: string | undefined | null): string {
  const normalized = (text ?? "").replace(/\r\n?/g, "\n").replace(CONTROL, "");
  const visible = new EmailReplyParser().parseReply(normalized).trim();
  if (visible.length <= JOURNAL_MAX_LENGTH) return visible;
  return `${visible.slice(0, JOURNAL_MAX_LENGTH - 1)}…`;
}

/**
 * PRO-5 / NOT-4: the comment of a reply that has files and no text of its own (a log sent from a
 * phone, under the quoted question): the reply is the files, and the comment names them.
 */
export function filesOnlyReply(fileNames: readonly string[]): string {
  const text = `(No message text; attached: ${fileNames.join(", ")})`;
  return text.length <= JOURNAL_MAX_LENGTH ? text : `${text.slice(0, JOURNAL_MAX_LENGTH - 2)}…)`;
}

/**
 * A header value without control characters, bounded (REL-6): mailparser decodes encoded words,
 * so a NUL can arrive in a Message-ID or an address, which PostgreSQL text refuses.
 */
export function headerText(value: string | null | undefined, max: number): string {
  return (value ?? "").replace(CONTROL, "").trim().slice(0, max);
}

/** The subject, one line and bounded, for the inbox list. */
export function subjectLine(subject: string | undefined | null): string {
  return (subject ?? "").replace(CONTROL, "").replace(/\s+/g, " ").trim().slice(0, 300);
}
