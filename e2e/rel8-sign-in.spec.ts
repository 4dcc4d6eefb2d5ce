// REL-8 over HTTP, the sign-in half of the black-box probe, against a production server of its own
// whose log this spec reads: sign-out through the framework's own route ends the server-side
// session, and a spray of one password over 24 accounts from one client address is slowed while
// another address signs in. Requests leave from chosen loopback addresses (127.0.0.x), which the
// server sees as the clients' own (scripts/server.mjs hands the socket's peer to the throttle):
// Linux routes all of 127.0.0.0/8 to the loopback device.
import http from "node:http";
import { expect, test } from "./support/test";
import { THROTTLE } from "../lib/domain/auth/throttle";
import { DEMO } from "./support/auth";
import { startProductionServer } from "./support/prod-server";

test.describe.configure({ mode: "serial" });

const PORT = 3558;
const UNCAUGHT = /⨯|uncaughtException|unhandledRejection|unexpected error/;
const SESSION = "authjs.session-token";

let server: Awaited<ReturnType<typeof startProductionServer>>;
let logMark = 0;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = await startProductionServer(PORT, {}, { demoData: true });
});
test.afterAll(() => server?.stop());
test.beforeEach(() => {
  logMark = server.output().length;
});
test.afterEach(() => {
  expect(server.output().slice(logMark)).not.toMatch(UNCAUGHT);
});

type Answer = { status: number; location: string; cookies: string[]; body: string };

/** One request from the loopback address `from`, without following redirects. */
function send(
  from: string,
  method: "GET" | "POST",
  path: string,
  cookie: string,
  form?: Record<string, string>,
): Promise<Answer> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  const headers: Record<string, string> = { cookie };
  if (body) headers["content-type"] = "application/x-www-form-urlencoded";
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: PORT, path, method, headers, localAddress: from },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location ?? "",
            cookies: res.headers["set-cookie"] ?? [],
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A browser's cookies at one address: what the server set, cleared ones removed. */
class Client {
  readonly jar = new Map<string, string>();
  constructor(readonly from: string) {}
  cookie = () => [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  async request(method: "GET" | "POST", path: string, form?: Record<string, string>) {
    const answer = await send(this.from, method, path, this.cookie(), form);
    for (const c of answer.cookies) {
      const [pair] = c.split(";");
      const at = pair.indexOf("=");
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value) this.jar.set(name, value);
      else this.jar.delete(name);
    }
    return answer;
  }
  async csrfToken() {
    return (JSON.parse((await this.request("GET", "/api/auth/csrf")).body) as { csrfToken: string })
      .csrfToken;
  }
  /** The sign-in form's POST; the answer's `code` says why it failed ("credentials", "throttled"). */
  async signIn(email: string, password: string) {
    const answer = await this.request("POST", "/api/auth/callback/credentials", {
      email,
      password,
      csrfToken: await this.csrfToken(),
      callbackUrl: `${server.base}/cases`,
    });
    const signedIn = this.jar.has(SESSION);
    return {
      signedIn,
      code: signedIn ? null : new URL(answer.location, server.base).searchParams.get("code"),
    };
  }
  /** GET /cases: 200 when signed in, a redirect to the sign-in page when not. */
  async casesStatus() {
    const answer = await this.request("GET", "/cases");
    return answer.status === 200 ? "open" : /\/login/.test(answer.location) ? "sign-in" : answer.status;
  }
}

test("REL-8 / REL-5: sign-out through the framework's own route (/api/auth/signout) ends the server-side session; a copy of the cookie opens nothing", async () => {
  const browser = new Client("127.0.0.3");
  const elsewhere = new Client("127.0.0.3");
  expect((await browser.signIn(DEMO.agent, "demo")).signedIn).toBe(true);
  expect((await elsewhere.signIn(DEMO.agent, "demo")).signedIn).toBe(true);
  expect(await browser.casesStatus()).toBe("open");
  const copy = browser.jar.get(SESSION)!;

  const answer = await browser.request("POST", "/api/auth/signout", {
    csrfToken: await browser.csrfToken(),
    callbackUrl: `${server.base}/login`,
  });
  expect(answer.status).toBeLessThan(400);
  expect(browser.jar.has(SESSION)).toBe(false); // the framework cleared the cookie
  expect(await browser.casesStatus()).toBe("sign-in");
  // The cookie kept from before names an ended session: the server no longer takes it.
  browser.jar.set(SESSION, copy);
  expect(await browser.casesStatus()).toBe("sign-in");
  // The same person signed in elsewhere keeps their session.
  expect(await elsewhere.casesStatus()).toBe("open");
});

test("REL-8: one address spraying one password over 24 accounts is slowed — then even a right password from it waits — while another address signs in", async () => {
  test.setTimeout(120_000);
  const ALLOWANCE = THROTTLE.addressFreeFailures; // failures an address may have in a window (20)
  const demo = Object.values(DEMO);
  const made = Array.from({ length: 24 - demo.length }, (_, i) => `spray-${i}@example.com`);
  const accounts = [...demo, ...made]; // 24 accounts, real and not: each costs the address alike
  const sprayer = new Client("127.0.0.2");
  const codes: (string | null)[] = [];
  for (const email of accounts) codes.push((await sprayer.signIn(email, "Winter2026!")).code);
  // Each account saw one attempt (far under its own five): only the address's count stops the spray.
  expect(codes.slice(0, ALLOWANCE)).toEqual(Array(ALLOWANCE).fill("credentials"));
  expect(codes.slice(ALLOWANCE)).toEqual(Array(24 - ALLOWANCE).fill("throttled"));
  expect(await sprayer.signIn(DEMO.agent, "demo")).toEqual({ signedIn: false, code: "throttled" });
  expect(await sprayer.casesStatus()).toBe("sign-in");

  const colleague = new Client("127.0.0.4");
  expect(await colleague.signIn(DEMO.agent, "demo")).toEqual({ signedIn: true, code: null });
  expect(await colleague.casesStatus()).toBe("open");
});
