import "server-only";
import { cookies } from "next/headers";
import type { SessionRef } from "./load-actor";
import { decodeSessionToken } from "./session-token";

// The session of this request, read straight from next-auth's encrypted session cookie (JWE,
// verified with AUTH_SECRET; expired tokens are refused). Equivalent to auth() for reading,
// without running Auth.js's whole session endpoint on every page (measured: most of a list
// request's fixed cost on the 2-core machine). The cookie names a server-side Session row
// (lib/server/auth/sessions.ts); whether it is still live is checked with the user's load.
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"];

function cookieValue(jar: Awaited<ReturnType<typeof cookies>>, name: string): string | undefined {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  // Auth.js splits large tokens into name.0, name.1, …
  const chunks: string[] = [];
  for (let i = 0; ; i++) {
    const part = jar.get(`${name}.${i}`)?.value;
    if (!part) break;
    chunks.push(part);
  }
  return chunks.length ? chunks.join("") : undefined;
}

export async function sessionFromCookie(): Promise<SessionRef | null> {
  const jar = await cookies(); // first: this is what makes every page that asks dynamic
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  for (const name of COOKIE_NAMES) {
    const token = cookieValue(jar, name);
    if (!token) continue;
    const payload = await decodeSessionToken(token, secret, name).catch(() => null);
    const userId = Number(payload?.uid);
    const sid = payload?.sid;
    if (Number.isInteger(userId) && userId > 0 && typeof sid === "string" && sid) return { userId, sid };
  }
  return null;
}
