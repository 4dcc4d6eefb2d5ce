// Runs before every page (dotted paths too) and before API routes with a malformed path: answers
// malformed paths (404) and malformed or oversized server action POSTs (4xx) before Next.js would
// answer them with a 500 (REL-1, REL-8, lib/security/), and sets a fresh CSP nonce per page
// request (REL-5). What the request's headers alone show — malformed router state, an action no
// page at that path owns — is refused earlier still, on every path, by scripts/server.mjs.
// Authorization is NOT done here; every page, action and route checks the session itself.
import { NextResponse, type NextRequest } from "next/server";
import { refuseBadActionPost } from "@/lib/security/action-request";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp.mjs";
import { isMalformedPath } from "@/lib/security/malformed-path";
import { REQUEST_PATH_HEADER } from "@/lib/security/request-path.mjs";

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
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set(REQUEST_PATH_HEADER, pathname + request.nextUrl.search);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    // REL-8: every path but the API's and Next's assets — dotted ones too (`/cases/x.json` renders
    // the case page, whose actions Next would run): a server action's body is decoded here wherever
    // it is posted. API routes stay out: Next would copy and cut their bodies at the proxy's limit
    // (lib/security/request-guard.mjs, which scripts/server.mjs runs on every path, says more).
    // PERF-8: page GETs to which scripts/server.mjs gave their CSP already skip the proxy
    // (lib/security/csp.mjs serverPageCsp); under `next dev` every page request comes here.
    {
      source: "/((?!api/|_next/static/|_next/image).*)",
      // A literal (Next reads the config statically): csp.mjs's PAGE_CSP_HEADER (csp.test.ts checks).
      missing: [{ type: "header", key: "x-caseflow-page-csp" }],
    },
    // Any other path (API routes, files) only when it holds a percent-escape: the malformed-path check.
    { source: "/:rest(.*%.*)" },
  ],
};
