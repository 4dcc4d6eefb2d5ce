// What a request says about its client and the address it was sent to — from a reverse proxy's
// X-Forwarded-* headers only when the admin says one is there (TRUST_PROXY=1); otherwise those
// headers could be forged by anyone.

const trusted = () => process.env.TRUST_PROXY === "1";

/** The client's address for per-address throttling, or null (then only per-email limits apply). */
export function clientAddress(request: Request | undefined): string | null {
  if (!trusted()) return null;
  const forwarded = request?.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || request?.headers.get("x-real-ip") || null;
}

/**
 * API-5: the scheme and host clients reached this server at, for links in answers: behind a
 * TLS-terminating proxy (TRUST_PROXY=1) the forwarded ones, else the request's own.
 */
export function publicOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("host") ?? url.host;
  if (!trusted()) return `${url.protocol}//${host}`;
  const first = (name: string) => request.headers.get(name)?.split(",")[0]?.trim();
  const proto = first("x-forwarded-proto");
  const fwdHost = first("x-forwarded-host");
  const scheme = proto === "https" || proto === "http" ? proto : url.protocol.replace(":", "");
  return `${scheme}://${fwdHost && /^[A-Za-z0-9.:[\]-]+$/.test(fwdHost) ? fwdHost : host}`;
}
