import "server-only";
import { createHash } from "node:crypto";

const CACHE_HEADERS = { "Cache-Control": "private, no-cache", Vary: "Cookie" };

/** The client already holds this answer: If-None-Match names its tag (weak or strong, or `*`). */
function holds(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

/**
 * A JSON answer tagged with a hash of its body. When the request's If-None-Match names that tag,
 * the answer is a 304 with no body: a client polling for news pays for the query, not the transfer.
 * Answers are per user (private) and must be revalidated every time (no-cache).
 */
export function conditionalJson(request: Request, data: unknown): Response {
  const body = JSON.stringify(data);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  const headers = { ...CACHE_HEADERS, ETag: etag };
  if (holds(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json" } });
}
