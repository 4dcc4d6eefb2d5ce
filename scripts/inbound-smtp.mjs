// PRO-5: the built-in SMTP listener for email in, started by scripts/server.mjs when
// INBOUND_SMTP_PORT is set. It accepts mail only for INBOUND_EMAIL_DOMAIN, enforces the 10 MB
// limit at SMTP level (SIZE extension; a longer DATA is answered 552) and hands each message to
// POST /api/inbound/email of this same server, with a secret made at start.
//
// Why an internal HTTP call instead of importing receive(): the server runs the compiled Next.js
// app, whose services (TypeScript with "@/…" paths, "server-only", the Prisma client and its
// connection pool) live inside Next's bundle. Importing them here would need tsx at run time and a
// second Prisma client with its own pool in the same process (for SQLite, a second writer); the
// internal call keeps one code path (the route → receive()) and one database client. The secret
// never leaves the process tree and changes at every start (lib/server/inbound-mail/internal.ts).
import { SMTPServer } from "smtp-server";

/** = INBOUND_MAX_BYTES in lib/domain/email/inbound.ts (scripts/inbound-smtp.test.ts checks). */
export const SMTP_MAX_BYTES = 10 * 1024 * 1024;
export const INTERNAL_HEADER = "x-caseflow-inbound-secret";
/** The envelope's recipients, comma-separated (trusted only beside the secret). */
export const ENVELOPE_HEADER = "x-caseflow-envelope-to";

/**
 * An error the SMTP server answers with `code` and `message`.
 * @param {number} code
 * @param {string} message
 */
const smtpError = (code, message) => Object.assign(new Error(message), { responseCode: code });

/**
 * The SMTP answer to the route's answer: refusals the route judged are still delivered (250).
 * @param {number} status
 */
function smtpAnswer(status) {
  if (status === 200) return null;
  if (status === 400) return smtpError(550, "5.6.0 Not a readable email message");
  if (status === 413) return smtpError(552, "5.3.4 Message larger than 10 MB");
  return smtpError(451, "4.3.0 Temporary failure, try again later");
}

/**
 * `onListening` is told once the port is bound; `onCannotListen` when it cannot be (a port taken,
 * port 25 without root) — the server stops then: it had said "SMTP on port 25" and received nothing.
 * @param {{ port: number, appUrl: string, secret: string, domain?: string, host?: string,
 *   onListening?: () => void, onCannotListen?: (e: Error) => void }} options
 */
export function startInboundSmtp({
  port,
  appUrl,
  secret,
  domain,
  host = "0.0.0.0",
  onListening,
  onCannotListen,
}) {
  const ownDomain = String(domain || "caseflow.localhost").toLowerCase();
  const server = new SMTPServer({
    name: ownDomain,
    banner: "Caseflow inbound email",
    size: SMTP_MAX_BYTES,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    // Each session may buffer up to 10 MB: bound the sessions, and drop idle ones.
    maxClients: 20,
    socketTimeout: 60_000,
    logger: false,
    onRcptTo(address, _session, callback) {
      const at = address.address.lastIndexOf("@");
      if (at < 0 || address.address.slice(at + 1).toLowerCase() !== ownDomain)
        return callback(smtpError(550, `5.1.2 Only mail for @${ownDomain} is accepted here`));
      callback();
    },
    onData(stream, session, callback) {
      /** @type {Buffer[]} */
      const chunks = [];
      let size = 0;
      stream.on("data", (chunk) => {
        if (size <= SMTP_MAX_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      stream.on("error", (e) => callback(e));
      stream.on("end", async () => {
        // Over the limit: only the first 10 MB + 1 byte are handed on, so the route records the
        // refusal from the headers and answers 413.
        const raw = Buffer.concat(chunks).subarray(0, SMTP_MAX_BYTES + 1);
        try {
          const res = await fetch(new URL("/api/inbound/email", appUrl), {
            method: "POST",
            headers: {
              [INTERNAL_HEADER]: secret,
              // NOT-3 / PRO-5: whom the message was delivered to (RCPT TO). As the last server in
              // line this one knows it: a Bcc to support@, or an alias forwarded without rewriting
              // To, names no address of ours in the message. Passed beside it, the message unchanged.
              [ENVELOPE_HEADER]: session.envelope.rcptTo.map((r) => r.address).join(","),
              "content-type": "message/rfc822",
            },
            body: raw,
          });
          await res.arrayBuffer();
          callback(
            stream.sizeExceeded ? smtpError(552, "5.3.4 Message larger than 10 MB") : smtpAnswer(res.status),
          );
        } catch (e) {
          console.error("inbound SMTP: handing the message to the app failed", e);
          callback(smtpError(451, "4.3.0 Temporary failure, try again later"));
        }
      });
    },
  });
  let listening = false;
  server.on("error", (e) => {
    if (!listening && onCannotListen) return onCannotListen(e);
    console.error("inbound SMTP:", e.message);
  });
  server.listen(port, host, () => {
    listening = true;
    onListening?.();
  });
  return server;
}
