import "server-only";
import { createHash } from "node:crypto";
import { simpleParser, type AddressObject, type HeaderValue } from "mailparser";
import { INBOUND_MAX_BYTES } from "@/lib/domain/email/inbound";
import { headerText, subjectLine } from "@/lib/domain/email/inbound-text";
import { isAutomaticMessage } from "@/lib/domain/email/automatic";
import type { MailAttachment } from "../attachments/store";

export type ParsedInbound = {
  /** Message-ID, else sha256 of the raw message: the same message delivered twice has one key. */
  dedupeKey: string;
  messageId: string | null;
  from: string;
  recipients: string[];
  subject: string;
  inReplyTo: string | null;
  references: string[];
  /**
   * The text part, or the HTML part converted to text by mailparser (never the markup) — as decoded:
   * a UTF-16 part may hold a lone surrogate; replyText, its one reader, makes it well formed.
   */
  text: string;
  /** Auto-Submitted (not "no") or Precedence bulk/list/junk/auto_reply: never answered (no mail loops). */
  automatic: boolean;
  /** NOT-4: the message's files (kept on the case by lib/server/attachments/store.ts). */
  attachments: MailAttachment[];
  /** X-Loop header(s), for mail-loop detection (NOT-3, REL-6). */
  xLoop: string;
};

const addressesOf = (v: HeaderValue | AddressObject | AddressObject[] | undefined): string[] => {
  if (!v) return [];
  if (typeof v === "string") return v.split(",").map((a) => a.replace(/^.*</, "").replace(/>.*$/, "").trim());
  // A header given twice (two X-Original-To lines) comes as a list of its texts.
  const list: unknown[] = Array.isArray(v) ? v : [v];
  return list.flatMap((o) =>
    typeof o === "string"
      ? addressesOf(o)
      : typeof o === "object" && o !== null && "value" in o
        ? (o as AddressObject).value.flatMap((a) => [
            a.address ?? "",
            ...(a.group ?? []).map((g) => g.address ?? ""),
          ])
        : [],
  );
};

/**
 * NOT-3: the message with the envelope's recipients (RCPT TO, from this server's SMTP listener)
 * among its recipients, as an X-Original-To line would have put them.
 */
export function withEnvelope(p: ParsedInbound, envelopeTo: readonly string[]): ParsedInbound {
  const extra = envelopeTo.map((a) => headerText(a, 320)).filter(Boolean);
  return extra.length ? { ...p, recipients: [...p.recipients, ...extra] } : p;
}

/** A header's text value (mailparser gives structured values for some; those are never ours to test). */
const headerOf = (headers: Map<string, HeaderValue>) => (name: string) => {
  const v = headers.get(name);
  return typeof v === "string" ? v : undefined;
};

/** The message's media type (mailparser gives Content-Type as { value, params }). */
const contentTypeOf = (headers: Map<string, HeaderValue>) => {
  const v = headers.get("content-type");
  if (typeof v === "string") return v.split(";")[0];
  return v && typeof v === "object" && "value" in v && typeof v.value === "string" ? v.value : "";
};

const sha256 = (raw: Buffer) => `sha256:${createHash("sha256").update(raw).digest("hex")}`;

/**
 * Parses a raw RFC 822 message with mailparser. Null when it is not an email we can read:
 * mailparser accepts nearly anything, so a message is malformed (REL-6) when it has no header
 * block or no From address, or when the parser fails.
 */
export async function parseInbound(raw: Buffer): Promise<ParsedInbound | null> {
  let parsed;
  try {
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  } catch {
    return null;
  }
  const from = headerText(addressesOf(parsed.from)[0], 320);
  if (!parsed.headers.size || !from.includes("@")) return null;
  const messageId = headerText(parsed.messageId, 400) || null;
  const recipients = [
    ...addressesOf(parsed.to),
    ...addressesOf(parsed.cc),
    ...addressesOf(parsed.headers.get("delivered-to")),
    ...addressesOf(parsed.headers.get("x-original-to")),
  ]
    .map((a) => headerText(a, 320))
    .filter(Boolean);
  const refs = parsed.references;
  return {
    dedupeKey: messageId ? `mid:${messageId}` : sha256(raw),
    messageId,
    from,
    recipients,
    subject: subjectLine(parsed.subject),
    inReplyTo: headerText(parsed.inReplyTo, 400) || null,
    references: (Array.isArray(refs) ? refs : refs ? [refs] : [])
      .map((r) => headerText(r, 400))
      .filter(Boolean),
    text: parsed.text ?? "",
    automatic: isAutomaticMessage(headerOf(parsed.headers), {
      contentType: contentTypeOf(parsed.headers),
      from,
      // "<>" parses as one empty address; no header at all is null.
      returnPath: parsed.headers.has("return-path")
        ? (addressesOf(parsed.headers.get("return-path"))[0] ?? "")
        : null,
    }),
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      content: a.content,
      inline: a.related === true,
    })),
    xLoop: headerText(
      parsed.headerLines
        .filter((l) => l.key === "x-loop")
        .map((l) => l.line)
        .join(" "),
      2000,
    ),
  };
}

/**
 * The headers of a message too large to take, or malformed (REL-6): only the header block of the
 * first bytes is parsed, for the inbox row; the body is never read.
 */
export async function parseHeadersOnly(partial: Buffer): Promise<ParsedInbound> {
  const head = partial.subarray(0, Math.min(partial.length, 256 * 1024));
  const end = head.indexOf("\r\n\r\n") >= 0 ? head.indexOf("\r\n\r\n") : head.indexOf("\n\n");
  const parsed =
    end > 0 ? await parseInbound(Buffer.concat([head.subarray(0, end), Buffer.from("\r\n\r\n")])) : null;
  const key = parsed?.messageId ? `mid:${parsed.messageId}` : sha256(partial.subarray(0, INBOUND_MAX_BYTES));
  return {
    dedupeKey: key,
    messageId: parsed?.messageId ?? null,
    from: parsed?.from ?? "",
    recipients: parsed?.recipients ?? [],
    subject: parsed?.subject ?? "",
    inReplyTo: null,
    references: [],
    text: "",
    automatic: true,
    attachments: [],
    xLoop: "",
  };
}
