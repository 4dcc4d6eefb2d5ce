// Runs before every page and API route: answers malformed paths (404) and malformed or
// oversized server action POSTs (4xx) before Next.js would answer them with a 500 (REL-1,
// lib/security/), and sets a fresh CSP nonce per page request (REL-5).
// Authorization is NOT done here; every page, action and route checks the session itself.
import { NextResponse, type NextRequest } from "next/server";
import { refuseBadActionPost } from "@/lib/security/action-request";
import { contentSecurityPolicy } from "@/lib/security/csp";
import { isMalformedPath } from "@/lib/security/malformed-path";

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  if (isMalformedPath(pathname)) {
    if (api) return NextResponse.json({ error: { message: "Not found." } }, { status: 404 });
    // A path no route has: the app's own not-found page, with its 404.
    return NextResponse.rewrite(new URL("/_malformed-path", request.url));
  }
  if (api) return NextResponse.next();
  const refusal = await refuseBadActionPost(request);
  if (refusal) return refusal;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    // Pages: everything but Next's assets and files with an extension.
    { source: "/((?!api/|_next/|.*\\.[a-z0-9]+$).*)" },
    // Any other path (API routes, files) only when it holds a percent-escape: the malformed-path check.
    { source: "/:rest(.*%.*)" },
  ],
};
