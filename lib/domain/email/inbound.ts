// PRO-5, REL-6: the rules of email in — how large a message may be, which case it names, whether
// its sender may write on that case, and the outcomes a received message can have. Pure: the
// service (lib/server/inbound-mail) parses the MIME message and loads the case.
import { replyTokenOf } from "./reply-address";

/** PRO-5: a message over 10 MB is refused (SMTP SIZE, the API's streamed body, the service). */
export const INBOUND_MAX_BYTES = 10 * 1024 * 1024;

/** Why a received message wrote nothing on a case (shown on /admin/inbox). */
export type InboundRefusal =
  | "too_large"
  | "malformed"
  | "automatic"
  | "no_case"
  | "unknown_token"
  | "sender_mismatch"
  | "case_closed"
  | "empty"
  | "loop";

export type InboundOutcome =
  | { status: "accepted"; caseId: number; caseNumber: string; journalEntryId: number }
  | { status: "refused"; reason: InboundRefusal; caseId?: number }
  // NOT-3: a new message to the support address opened a case, or waits (unknown sender).
  | { status: "opened"; caseId: number; caseNumber: string }
  | { status: "held"; reason: "unknown_sender" }
  | { status: "duplicate"; deliveries: number; original: string };

/**
 * REL-6: a message whose processing threw an error (not a refusal: nothing judged it). Its
 * transaction wrote nothing, the sender was asked to retry (SMTP 451, HTTP 500), and the next
 * delivery processes it again; the row shows on /admin/inbox until then.
 */
export const INBOUND_FAILED = "failed";

/** REL-6: what a "failed" row says: the kind of error, and the request whose log line has its stack. */
export function failureReason(kind: string, requestId?: string): string {
  const what = kind.replace(/\s+/g, " ").trim().slice(0, 80) || "Error";
  return requestId ? `${what} (request ${requestId.slice(0, 64)})` : what;
}

export const REFUSAL_LABELS: Record<InboundRefusal, string> = {
  too_large: "Larger than 10 MB",
  malformed: "Malformed MIME (no headers or no sender)",
  automatic: "Automatic reply (Auto-Submitted or Precedence bulk/list): not a customer's answer",
  no_case: "Names no case (no reply address, no known In-Reply-To/References)",
  unknown_token: "Reply address token of no case",
  sender_mismatch: "Sender is not the case's contact or consumer",
  case_closed: "Case is Closed or Cancelled (the customer was told to open a new case)",
  empty: "No reply text after removing quoted history and signature",
  loop: "Mail loop (our own address, or X-Loop naming it): never turned into a case",
};

export type CaseReference = {
  /** Tokens of reply+<token>@domain addresses among the recipients, in header order. */
  tokens: string[];
  /** Message-IDs named by In-Reply-To and References, newest first. */
  messageIds: string[];
};

/** The Message-IDs in an In-Reply-To or References header value (`<a@b> <c@d>`). */
export function messageIdsIn(value: string | string[] | undefined | null): string[] {
  const text = Array.isArray(value) ? value.join(" ") : (value ?? "");
  return [...text.matchAll(/<[^<>\s]+>/g)].map((m) => m[0]);
}

/**
 * PRO-5: what a message says about its case. The reply address wins (To, Cc, Delivered-To): it
 * is unguessable and names exactly one case. Without one, In-Reply-To then References (newest
 * first) name a Message-ID that we sent about a case.
 */
export function caseReferenceOf(
  m: { recipients: string[]; inReplyTo?: string | string[] | null; references?: string | string[] | null },
  domain: string,
): CaseReference {
  const tokens = [
    ...new Set(m.recipients.map((a) => replyTokenOf(a.trim(), domain)).filter((t) => t !== null)),
  ];
  const ids = [...messageIdsIn(m.inReplyTo), ...messageIdsIn(m.references).reverse()];
  return { tokens, messageIds: [...new Set(ids)] };
}

/** Whether the message addressed any reply address of ours, even one whose token is unknown. */
export const namesReplyAddress = (ref: CaseReference) => ref.tokens.length > 0;

/**
 * PRO-5, REL-6: the sender must be the case's contact or consumer — the From address equal to
 * one of theirs, ignoring case. Anyone else (a forged From, a colleague, another customer
 * replying with a forwarded token) is refused. Returns the matching customer or null.
 */
export function matchingSender<T extends { email: string }>(from: string, customers: (T | null)[]): T | null {
  const wanted = from.trim().toLowerCase();
  if (!wanted) return null;
  return customers.find((c) => c !== null && c.email.trim().toLowerCase() === wanted) ?? null;
}
