// REL-8: sign-out through the framework's own route ends the session on the server, not only the
// cookie: a copy of the cookie taken before is worth nothing afterwards.
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { makeAgent } from "@/lib/testing/fixtures";
import { loadSessionActor } from "@/lib/server/auth/load-actor";
import { createSession, sessionsOf } from "@/lib/server/auth/sessions";
import type * as Route from "./route";

const SECRET = "route-test-secret-0123456789abcdef0123456789";
const ORIGIN = "http://caseflow.test";
const SESSION_COOKIE = "authjs.session-token";
let route: typeof Route;

beforeAll(async () => {
  // next-auth reads AUTH_SECRET when lib/auth.ts builds its config: set before the route loads.
  process.env.AUTH_SECRET ??= SECRET;
  route = await import("./route");
});

/** A signed-in browser's cookie: the JWT naming a live Session row, as lib/auth.ts issues it. */
async function signedIn() {
  const user = await makeAgent();
  const sid = await createSession(user.id);
  const token = await encode({
    token: { uid: String(user.id), sid },
    secret: process.env.AUTH_SECRET!,
    salt: SESSION_COOKIE,
  });
  return { user, sid, cookie: `${SESSION_COOKIE}=${token}` };
}

/** The CSRF token and its cookie, as the sign-out page gets them from GET /api/auth/csrf. */
async function csrf(cookie: string) {
  const answer = await route.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`, { headers: { cookie } }));
  const { csrfToken } = (await answer.json()) as { csrfToken: string };
  const set = answer.headers.getSetCookie().find((c) => c.startsWith("authjs.csrf-token="))!;
  return { csrfToken, cookie: set.split(";")[0] };
}

const signOut = (cookie: string, csrfToken: string) =>
  route.POST(
    new NextRequest(`${ORIGIN}/api/auth/signout`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${ORIGIN}/login` }).toString(),
    }),
  );

const clearsCookie = (answer: Response) =>
  answer.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=;`));

describe("sign-out through the framework's route (REL-8)", () => {
  it("REL-8: POST /api/auth/signout ends the server-side session and clears the cookie", async () => {
    const { user, sid, cookie } = await signedIn();
    const other = await createSession(user.id); // the same user signed in elsewhere keeps theirs
    expect(await loadSessionActor({ userId: user.id, sid })).toMatchObject({ id: user.id });
    const token = await csrf(cookie);
    const answer = await signOut(`${cookie}; ${token.cookie}`, token.csrfToken);
    expect(answer.status).toBeLessThan(400);
    expect(clearsCookie(answer)).toBe(true);
    expect((await sessionsOf(user.id)).map((s) => s.id)).toEqual([other]);
    // A copy of the cookie taken before names an ended session: nobody is signed in with it.
    expect(await loadSessionActor({ userId: user.id, sid })).toBeNull();
  });

  it("REL-8: a sign-out POST without the CSRF token is refused and ends nothing", async () => {
    const { user, sid, cookie } = await signedIn();
    const answer = await signOut(cookie, "forged");
    expect(clearsCookie(answer)).toBe(false);
    expect((await sessionsOf(user.id)).map((s) => s.id)).toEqual([sid]);
  });
});
