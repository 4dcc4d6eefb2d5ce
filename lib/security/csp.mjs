// REL-5: the Content-Security-Policy of every page. Scripts run only with this request's nonce
// (Next.js adds it to its own scripts: it reads the nonce from the request's CSP header); nothing
// may frame the app. Plain JavaScript: scripts/server.mjs, which runs unbundled, sets it too.
import { randomUUID } from "node:crypto";

/**
 * @param {string} nonce
 * @param {boolean} [dev]
 * @returns {string}
 */
export function contentSecurityPolicy(nonce, dev = process.env.NODE_ENV !== "production") {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The nonce of a CSP this module made (null without one): what a page's own inline script carries.
 * @param {string | null | undefined} csp
 * @returns {string | null}
 */
export const nonceOf = (csp) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1] ?? null;

/** A fresh nonce for one response. */
export const newNonce = () => Buffer.from(randomUUID()).toString("base64");

/**
 * The request header by which scripts/server.mjs tells proxy.ts "this page GET already has its CSP":
 * proxy.ts's matcher skips requests that carry it. The server removes any copy a client sent.
 */
export const PAGE_CSP_HEADER = "x-caseflow-page-csp";

/**
 * PERF-8: the CSP scripts/server.mjs gives a page GET or HEAD itself, so that proxy.ts — whose
 * invocation costs ~0.9 ms of CPU per request, a quarter of an empty page — does not run for it:
 * a GET carries no action body to check, and the nonce is all the proxy would add. Null for
 * anything the proxy must still see: other methods (server actions), the API and Next's assets
 * (the proxy's matcher leaves those out anyway), and paths whose escapes do not decode (the
 * proxy answers those 404: lib/security/malformed-path.ts).
 *
 * @param {string | undefined} method
 * @param {string | undefined} url
 * @returns {string | null}
 */
export function serverPageCsp(method, url = "/") {
  if (method !== "GET" && method !== "HEAD") return null;
  const pathname = url.split(/[?#]/)[0];
  if (!pathname.startsWith("/") || pathname.startsWith("/api/") || pathname.startsWith("/_next/"))
    return null;
  try {
    decodeURIComponent(pathname);
  } catch {
    return null;
  }
  return contentSecurityPolicy(newNonce());
}
