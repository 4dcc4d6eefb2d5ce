// PRO-5, REL-6: the text of a reply that becomes the case comment — never markup. The MIME
// library gives a text part, or text converted from the HTML part (scripts, styles and tags
// dropped); the reply parser then strips quoted history and signatures.
import EmailReplyParser from "email-reply-parser";
import { JOURNAL_MAX_LENGTH } from "../journal/entry";
import { clipText, wellFormedText } from "../unicode";

/** Characters that PostgreSQL refuses or that no reply needs (everything below space but tab/newline). */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * The most of a message's text the reply parser reads. Its quote-header patterns ("Op … schreef",
 * "W dniu …") take time growing with the square of the text under the JavaScript regex engine: a
 * 2 MB body of such lines held a worker (and its transaction's locks) for 90 s. The reply kept is
 * at most JOURNAL_MAX_LENGTH characters anyway, and comes first.
 */
export const REPLY_PARSE_MAX = 64 * 1024;

/**
 * The reply text of a message: `text` is the text part (or the HTML part as text). Quoted
 * history ("On … wrote:", "> …") and the signature ("-- ") are removed; what is left is trimmed,
 * freed of control characters and lone surrogates and cut to the journal limit (never inside a
 * surrogate pair). Empty when nothing is left.
 */
export function replyText(text: string | undefined | null): string {
  // Each run of quoted lines ("> …") is one line first, in one pass — the parser hides every quoted
  // fragment anyway — so that a reply written under a long quote (bottom-posting) is within what
  // the parser reads.
  const unquoted = (text ?? "").replace(/(?:^[ \t]*>.*(?:\r\n?|\n|$))+/gm, ">\n");
  const normalized = wellFormedText(clipText(unquoted, REPLY_PARSE_MAX))
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, "");
  const visible = new EmailReplyParser().parseReply(normalized).trim();
  return clipText(visible, JOURNAL_MAX_LENGTH, "…");
}

/**
 * PRO-5 / NOT-4: the comment of a reply that has files and no text of its own (a log sent from a
 * phone, under the quoted question): the reply is the files, and the comment names them.
 */
export function filesOnlyReply(fileNames: readonly string[]): string {
  const text = `(No message text; attached: ${fileNames.join(", ")})`;
  return clipText(text, JOURNAL_MAX_LENGTH, "…)");
}

/**
 * A header value without control characters or lone surrogates, bounded (REL-6): mailparser
 * decodes encoded words, so a NUL (or half a UTF-16 pair) can arrive in a Message-ID or an address,
 * which PostgreSQL text refuses.
 */
export function headerText(value: string | null | undefined, max: number): string {
  return clipText(wellFormedText((value ?? "").replace(CONTROL, "").trim()), max);
}

/** The subject, one line and bounded, for the inbox list. */
export function subjectLine(subject: string | undefined | null): string {
  return clipText(wellFormedText((subject ?? "").replace(CONTROL, "").replace(/\s+/g, " ").trim()), 300);
}
