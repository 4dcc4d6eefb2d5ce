// NOT-3: email to case — which messages open a case, and the case they open. Pure: the service
// (lib/server/inbound-mail/new-message.ts) reads the property, the sender and writes.
import { canAdminister, canWriteCases, type Actor } from "../auth/roles";
import { LIMITS } from "../validation";
import { clipText } from "../unicode";
import { replyText } from "./inbound-text";

/** The subject of a message without one becomes this short description. */
export const NO_SUBJECT = "(no subject)";

/** The support address: the property when set, else support@ the inbound domain. Lower-cased. */
export function supportAddressOf(property: string | undefined | null, domain: string): string {
  const set = (property ?? "").trim().toLowerCase();
  return set || `support@${domain.toLowerCase()}`;
}

/** Whether one of the recipients (To, Cc, Delivered-To) is the support address, ignoring case. */
export const isAddressedTo = (recipients: readonly string[], address: string) =>
  recipients.some((r) => r.trim().toLowerCase() === address);

/** The bare address in `Name <a@b>` or `a@b`, lower-cased. */
export const bareAddress = (value: string) =>
  value.replace(/^.*</, "").replace(/>.*$/, "").trim().toLowerCase();

/**
 * REL-6: a mail loop — a message from one of our own addresses (the support address, the outbox's
 * sender, any address of the inbound domain), or one whose X-Loop header names our support address
 * or domain. Never turned into a case (our acknowledgement would answer itself forever).
 */
export function isMailLoop(
  m: { from: string; xLoop: string },
  own: { support: string; domain: string; mailFrom: string },
): boolean {
  const from = bareAddress(m.from);
  const domain = own.domain.toLowerCase();
  if (from === own.support || from === bareAddress(own.mailFrom) || from.endsWith(`@${domain}`)) return true;
  const loop = m.xLoop.toLowerCase();
  return loop.includes(own.support) || loop.includes(`@${domain}`);
}

const clip = (text: string, max: number) => clipText(text, max, "…");

/** NOT-3: subject → short description (trimmed, clipped; "(no subject)"), text → description. */
export function caseFieldsOf(subject: string, text: string) {
  const short = subject.replace(/\s+/g, " ").trim();
  return {
    shortDescription: short ? clip(short, LIMITS.shortDescription) : NO_SUBJECT,
    description: clip(replyText(text), LIMITS.description),
  };
}

/** NOT-3: who opens a case from a held message, or discards it — agents, managers, admins. */
export const canHandleHeldMail = (a: Actor) => canWriteCases(a) || canAdminister(a);
