// REL-8 over HTTP, against a production server of its own whose log this spec reads: every input
// class of the black-box probe — dotted paths, router-state headers, lone surrogates, a 60 MB
// streamed body, foreign origins, an action posted to a page that does not own it — gets a 4xx,
// changes no data, and leaves no uncaught exception in the server's log. Sign-out through the
// framework's route and the 24-account spray: e2e/rel8-sign-in.spec.ts.
import http from "node:http";
import { expect, test, type Page } from "./support/test";
import { captureJournalPost, type CapturedAction } from "./support/actions";
import { DEMO, signIn } from "./support/auth";
import { startProductionServer } from "./support/prod-server";

test.describe.configure({ mode: "serial" });

const PORT = 3557;
const CASE = "/cases/CS0001001";
const basic = (email: string) => `Basic ${Buffer.from(`${email}:demo`).toString("base64")}`;
const BASIC = basic(DEMO.agent);
/** What an error Next or a route did not handle leaves in the log. */
const UNCAUGHT =
  /⨯|uncaughtException|unhandledRejection|Failed to find Server Action|router state header|unexpected error/;

let server: Awaited<ReturnType<typeof startProductionServer>>;
let page: Page;
let real: CapturedAction; // the case page's journal post, as the browser sent it
let logMark = 0;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  server = await startProductionServer(PORT, {}, { demoData: true });
  page = await (await browser.newContext({ baseURL: server.base })).newPage();
  await signIn(page, DEMO.agent);
  await page.goto(CASE);
  real = await captureJournalPost(page, "REL-8 captured note");
});
test.afterAll(() => server?.stop());
test.beforeEach(() => {
  logMark = server.output().length;
});
test.afterEach(() => {
  expect(server.output().slice(logMark)).not.toMatch(UNCAUGHT);
});

/** The journal post's body with a fresh idempotency key (a replay is otherwise "already posted"). */
function replay(note = "REL-8 replayed note"): string {
  const body = real.body.toString("latin1");
  const key = /idempotencyKey"\r\n\r\n([0-9a-f-]{32,36})/.exec(body)![1];
  return body.replace(key, crypto.randomUUID()).replace("REL-8 captured note", note);
}

async function counts() {
  const total = async (table: string) => {
    const r = await page.request.get(`/api/now/table/${table}?sysparm_limit=1&sysparm_fields=sys_id`, {
      headers: { authorization: BASIC },
    });
    expect(r.status(), table).toBe(200);
    return Number(r.headers()["x-total-count"]);
  };
  return {
    journal: await total("sys_journal_field"),
    cases: await total("sn_customerservice_case"),
    incidents: await total("incident"),
  };
}

const post = (path: string, headers: Record<string, string>, data: string) =>
  page.request.post(path, { headers: { ...real.headers, ...headers }, data, maxRedirects: 0 });

test("REL-8: on dotted, /_next/ and /api/ paths too, malformed, oversized, foreign and unknown action posts get a 4xx", async () => {
  const before = await counts();
  const text = { "content-type": "text/plain;charset=UTF-8" };
  const noScript =
    '--b\r\nContent-Disposition: form-data; name="$ACTION_REF_1"\r\n\r\n\r\n--b\r\n' +
    `Content-Disposition: form-data; name="$ACTION_1:0"\r\n\r\n{"id":"${real.headers["next-action"]}",` +
    '"bound":"$Q1"}\r\n--b--\r\n';
  const inputs: [string, Record<string, string>, string][] = [
    ["garbage", text, "garbage{"],
    ["a reference to a missing part", text, '["$Q1"]'],
    ["a 2 MB field", {}, replay("x".repeat(2 * 1024 * 1024))],
    ["another site's origin", { origin: "https://evil.example" }, replay("forged note")],
    ["an unknown action id", { "next-action": "7f".padEnd(42, "0") }, replay("unknown id")],
    ["a form posted without JavaScript", { "content-type": "multipart/form-data; boundary=b" }, noScript],
  ];
  const paths = [
    CASE,
    `${CASE}.json`,
    "/foo.php",
    "/_next/foo",
    "/_next/static/x.js",
    "/api/nothing",
    "/api/now/table/incident",
  ];
  for (const path of paths)
    for (const [what, headers, data] of inputs) {
      // A form posted without JavaScript names its action in the body, not in a header.
      const res = await (what.includes("without JavaScript")
        ? page.request.post(path, { headers: { ...headers, origin: server.base }, data, maxRedirects: 0 })
        : post(path, headers, data));
      expect(res.status(), `${what} to ${path}: ${(await res.text()).slice(0, 120)}`).toBeGreaterThanOrEqual(
        400,
      );
      expect(res.status(), `${what} to ${path}`).toBeLessThan(500);
    }
  // The case page and its dotted twin answer the same clear refusals.
  for (const path of [CASE, `${CASE}.json`]) {
    expect((await post(path, {}, replay("y".repeat(2 * 1024 * 1024)))).status()).toBe(413);
    expect((await post(path, { origin: "https://evil.example" }, replay("forged"))).status()).toBe(403);
    expect((await post(path, text, "garbage{")).status()).toBe(400);
  }
  expect(await counts()).toEqual(before);
});

test("REL-8: a malformed Next-Router-State-Tree is a 400 on any path; the browser's own navigation works", async ({
  playwright,
}) => {
  const trees = [
    "garbage",
    "%E0%A4%A",
    "[]",
    '["",{"children":1}]',
    encodeURIComponent('["",{},null,null,true]'),
  ];
  const anonymous = await playwright.request.newContext({ baseURL: server.base });
  for (const path of ["/cases", CASE, `${CASE}.json`, "/api/nothing", "/_next/foo", "/login"])
    for (const tree of trees) {
      const headers = { rsc: "1", "next-router-state-tree": tree };
      const res = await page.request.get(path, { headers, maxRedirects: 0 });
      expect(res.status(), `${path} ${tree}`).toBe(400);
      expect(await res.text()).toMatch(/^The Next-Router-State-Tree header is malformed/);
      expect((await anonymous.get(path, { headers, maxRedirects: 0 })).status(), `anonymous ${path}`).toBe(
        400,
      );
    }
  // The other router headers Next reads are compared or ignored, never a 500.
  const others: Record<string, string>[] = [
    { rsc: "garbage" },
    { rsc: "1", "next-router-prefetch": "x" },
    { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "garbage" },
    { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree" },
    { rsc: "1", "next-url": "%E0%A4%A" },
  ];
  for (const headers of others)
    expect((await page.request.get(CASE, { headers })).status(), JSON.stringify(headers)).toBeLessThan(500);
  await anonymous.dispose();

  // A real client-side navigation sends a real tree, which passes.
  const rsc: number[] = [];
  page.on("response", (r) => {
    if (r.request().headers()["next-router-state-tree"]) rsc.push(r.status());
  });
  await page.goto("/cases");
  await page.locator('main a[href^="/cases/CS"]').first().click();
  await expect(page).toHaveURL(/\/cases\/CS\d+$/);
  await expect(page.getByLabel("Work notes")).toBeVisible();
  expect(rsc.length).toBeGreaterThan(0);
  expect(rsc.every((s) => s < 400)).toBe(true);
});

test("REL-8: lone UTF-16 surrogates are a 400 naming the field on the Table API, and refused in action arguments", async () => {
  const before = await counts();
  const api = { authorization: BASIC, "content-type": "application/json" };
  // The fulfiller may create incidents: without the check, the database engine answered a 500.
  const created = await page.request.post("/api/now/table/incident", {
    headers: { ...api, authorization: basic(DEMO.itil) },
    data: '{"short_description":"Disk \\ud800 full"}',
  });
  expect(created.status()).toBe(400);
  expect(((await created.json()) as { error: { message: string } }).error.message).toMatch(
    /^short_description holds a lone UTF-16 surrogate/,
  );
  const found = await page.request.get(
    "/api/now/table/sn_customerservice_case?sysparm_query=number=CS0001001",
    {
      headers: api,
    },
  );
  const [{ sys_id }] = ((await found.json()) as { result: { sys_id: string }[] }).result;
  const patched = await page.request.patch(`/api/now/table/sn_customerservice_case/${sys_id}`, {
    headers: api,
    data: '{"work_notes":"note \\udfff"}',
  });
  expect(patched.status()).toBe(400);
  expect(((await patched.json()) as { error: { message: string } }).error.message).toMatch(
    /^work_notes holds/,
  );

  const action = await post(CASE, { "content-type": "text/plain;charset=UTF-8" }, '["CS0001001\\ud800"]');
  expect(action.status()).toBe(400);
  expect(await action.text()).toMatch(/^The form holds text that is not valid Unicode/);
  expect(await counts()).toEqual(before);
});

/** Streams `total` bytes to the server; the answer and how much had been sent when it came. */
function streamPost(path: string, headers: Record<string, string>, total: number) {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request({ host: "localhost", port: PORT, method: "POST", path, headers }, (res) => {
      answered = true;
      const at = sent;
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode!, body, sent: at });
      });
    });
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test("REL-8: a 60 MB body is refused while it streams: the Table API's 413 names the body, an action's comes at once", async () => {
  const before = await counts();
  const SIXTY_MB = 60 * 1024 * 1024;
  const api = { authorization: BASIC, "content-type": "application/json" };
  for (const headers of [api, { ...api, "content-length": String(SIXTY_MB) }]) {
    const answer = await streamPost("/api/now/table/incident", headers, SIXTY_MB);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: { message: "The request body is larger than 1 MB.", detail: "Field: body" },
    });
    expect(answer.sent).toBeLessThan(SIXTY_MB / 2);
  }
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const action = await streamPost(
    CASE,
    { ...real.headers, cookie, host: `localhost:${PORT}`, "content-length": String(SIXTY_MB) },
    SIXTY_MB,
  );
  expect(action.status).toBe(413);
  expect(action.sent).toBeLessThan(SIXTY_MB / 2);
  expect(await counts()).toEqual(before);
});

test("REL-8: a 60 MB body to next-auth's routes (which read it whole) is refused before it streams: 413 declared, 411 chunked", async () => {
  const SIXTY_MB = 60 * 1024 * 1024;
  const form = { "content-type": "application/x-www-form-urlencoded" };
  for (const path of ["/api/auth/callback/credentials", "/api/auth/session"]) {
    const declared = await streamPost(path, { ...form, "content-length": String(SIXTY_MB) }, SIXTY_MB);
    expect(declared.status, path).toBe(413);
    expect(declared.sent, path).toBeLessThan(SIXTY_MB / 2);
    const chunked = await streamPost(path, form, SIXTY_MB);
    expect(chunked.status, path).toBe(411);
    expect(chunked.sent, path).toBeLessThan(SIXTY_MB / 2);
  }
  // A sign-in form is small: it still reaches next-auth (its CSRF check answers, not the guard).
  const small = await page.request.post("/api/auth/callback/credentials", {
    form: { email: DEMO.agent, password: "wrong" },
    maxRedirects: 0,
  });
  expect([200, 302, 303]).toContain(small.status());
});

test("REL-8: an action posted to a page that does not own it is a 409 and runs nothing; on its own page it runs", async () => {
  const before = await counts();
  for (const path of [
    "/my-work",
    "/cases",
    "/cases/new",
    "/login",
    "/admin/users",
    "/portal",
    "/cases/CS0001001/x",
  ]) {
    const res = await post(path, {}, replay(`wrong page ${path}`));
    expect(res.status(), path).toBe(409);
    expect(res.headers()["x-nextjs-action-not-found"], path).toBe("1");
  }
  expect((await post(CASE, { "next-action": "7f".padEnd(42, "0") }, replay())).status()).toBe(409);
  expect(await counts()).toEqual(before);
  // The same request on its own page runs: the refusals were the page's doing.
  expect((await post(CASE, {}, replay("REL-8 on its own page"))).status()).toBe(200);
  await expect.poll(async () => (await counts()).journal).toBe(before.journal + 1);
});
