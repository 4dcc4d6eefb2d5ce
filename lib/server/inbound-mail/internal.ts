import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/** The header the built-in SMTP listener (scripts/inbound-smtp.mjs) sends its secret in. */
export const INTERNAL_HEADER = "x-caseflow-inbound-secret";
/** The envelope's recipients (RCPT TO), comma-separated, sent by the listener beside its secret. */
export const ENVELOPE_HEADER = "x-caseflow-envelope-to";

/**
 * Whether a request comes from this server's own SMTP listener: scripts/server.mjs makes a
 * random secret at start (INBOUND_SMTP_SECRET, never configured by anyone, gone at restart) and
 * passes it only to its workers and the listener. Without a listener, nothing matches.
 */
export function isInternalSmtpRequest(value: string | null): boolean {
  const secret = process.env.INBOUND_SMTP_SECRET;
  // Only scripts/server.mjs sets the marker, beside the secret it made (never `next dev` or .env).
  if (process.env.CASEFLOW_SMTP_LISTENER !== "1") return false;
  if (!secret || secret.length < 32 || !value) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(secret), digest(value));
}
