// What a request says about its client and the address it was sent to — from a reverse proxy's
// X-Forwarded-* headers only when the admin says one is there (TRUST_PROXY=1); otherwise those
// headers could be forged by anyone.

const trusted = () => process.env.TRUST_PROXY === "1";

/**
 * The socket's peer address, as scripts/server.mjs writes it on every request (replacing any header
 * of that name the client sent). Absent under `next dev`, where only per-email limits apply.
 */
export const PEER_HEADER = "x-caseflow-peer";

/**
 * An address as a throttle counts it: IPv4 (also IPv4-mapped IPv6) as it is, IPv6 by its /64 — one
 * home network or server holds a whole /64 and could take a fresh address for every attempt.
 */
export function throttleAddress(address: string): string {
  const a = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1];
  if (!a.includes(":")) return a;
  const [head, tail = ""] = a.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = a.includes("::")
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** The client's address for per-address throttling (REL-5, REL-8, SET-4), or null. */
export function clientAddressOf(headers: Headers | undefined): string | null {
  if (!headers) return null;
  const raw = trusted()
    ? headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() || headers.get("x-real-ip")
    : headers.get(PEER_HEADER);
  return raw ? throttleAddress(raw) : null;
}

export const clientAddress = (request: Request | undefined): string | null =>
  clientAddressOf(request?.headers);

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
