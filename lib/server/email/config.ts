import "server-only";

/**
 * The domain of case reply addresses (reply+<token>@INBOUND_EMAIL_DOMAIN, PRO-5). Set it to a
 * domain whose mail reaches the SMTP listener (INBOUND_SMTP_PORT) or POST /api/inbound/email.
 */
export function inboundEmailDomain(): string {
  return (process.env.INBOUND_EMAIL_DOMAIN || "caseflow.localhost").toLowerCase();
}
