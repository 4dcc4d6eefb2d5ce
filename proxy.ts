// Runs before every page: a fresh CSP nonce per request (REL-5). Authorization is NOT done here;
// every page, action and route checks the session itself.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security/csp";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// Pages only: API routes, Next's assets and files with an extension need no nonce.
export const config = {
  matcher: [{ source: "/((?!api/|_next/|.*\\.[a-z0-9]+$).*)" }],
};
