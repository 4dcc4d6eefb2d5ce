// REL-1: bad input over HTTP answers a clear 4xx (or a field error), never a 500, and changes
// nothing: malformed record paths, prototype names as lookup kinds, control characters,
// oversized and malformed server action POSTs. Action-level shapes are in app/actions.input.test.ts.
import { expect, test } from "./support/test";
import { captureJournalPost } from "./support/actions";
import { DEMO, signIn } from "./support/auth";
import { createCaseViaForm } from "./support/cases";
import { db } from "./support/db";

const RECORD_PAGES = ["cases", "incidents", "problems", "changes", "requests"];

test("REL-1: a malformed record path is a 404, signed in or out, never a 500", async ({
  page,
  playwright,
}) => {
  // %E0%A4%A does not decode at all (Next's router would answer a bare 500); %25E0%25A4%25A decodes
  // once to "%E0%A4%A", which the page decodes again.
  const paths = RECORD_PAGES.flatMap((t) => [`/${t}/%E0%A4%A`, `/${t}/%25E0%25A4%25A`]);
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  for (const path of [...paths, "/cases/x%E0%A4%A.json", "/api/lookup/%E0%A4%A"]) {
    const res = await anonymous.get(path, { maxRedirects: 0 });
    expect([307, 401, 404], `signed out ${path}: ${res.status()}`).toContain(res.status());
  }
  await anonymous.dispose();
  await signIn(page, DEMO.manager);
  for (const path of [...paths, "/api/lookup/%E0%A4%A"]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
  }
  await page.goto("/cases/%E0%A4%A");
  await expect(page.getByText(/not found|could not be found/i).first()).toBeVisible();
});

test("REL-1: lookup kinds named like Object's own properties are 404 JSON; control characters in q are 400", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  for (const kind of ["hasOwnProperty", "__proto__", "valueOf", "constructor", "toString"]) {
    const res = await page.request.get(`/api/lookup/${kind}?q=a`);
    expect(res.status(), kind).toBe(404);
    expect(await res.json(), kind).toMatchObject({ error: { message: expect.stringMatching(/not found/) } });
  }
  const nul = await page.request.get("/api/lookup/accounts?q=Acme%00");
  expect(nul.status()).toBe(400);
  expect(await nul.json()).toMatchObject({
    error: { message: expect.stringMatching(/^Search text contains/) },
  });
  expect((await page.request.get("/api/lookup/accounts?q=Acme")).status()).toBe(200);
});

test("REL-1: oversized, malformed and foreign server action POSTs get a 4xx and write nothing", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  const number = await createCaseViaForm(page, { shortDescription: `Action input ${Date.now()}` });
  const real = await captureJournalPost(page, "captured note");
  // This case's journal only: tests in other workers write journal entries meanwhile.
  const { id } = await db().case.findUniqueOrThrow({ where: { number }, select: { id: true } });
  const journal = () =>
    db().journalEntry.count({ where: { table: "sn_customerservice_case", recordId: id } });
  const before = await journal();
  const post = (headers: Record<string, string>, data: string | Buffer) =>
    page.request.post(real.url, { headers: { ...real.headers, ...headers }, data });
  const boundary = /boundary=(.+)$/.exec(real.headers["content-type"])![1];
  // Each replay gets a fresh idempotency key, or the journal would answer "already posted".
  const key = /idempotencyKey"\r\n\r\n([0-9a-f-]{32,36})/.exec(real.body.toString("latin1"))![1];
  const text = real.body.toString("latin1").replace(key, crypto.randomUUID());

  const attempts: [string, Promise<{ status(): number; text(): Promise<string> }>][] = [
    ["a 2 MB field", post({}, text.replace("captured note", "x".repeat(2 * 1024 * 1024)))],
    ["U+0000 in the work note", post({}, text.replace("captured note", "captured\u0000note"))],
    ["garbage text body", post({ "content-type": "text/plain;charset=UTF-8" }, "garbage{")],
    [
      "garbage multipart",
      post(
        {},
        `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\nnot json\r\n--${boundary}--\r\n`,
      ),
    ],
    ["a truncated multipart body", post({}, text.slice(0, Math.floor(text.length / 2)))],
    ["an unknown action id", post({ "next-action": "7f" + "0".repeat(40) }, real.body)],
    ["a malformed action id", post({ "next-action": "not-an-id" }, real.body)],
    ["a url-encoded body", post({ "content-type": "application/x-www-form-urlencoded" }, "workNotes=x")],
    ["a reference to a missing part", post({ "content-type": "text/plain;charset=UTF-8" }, '["$K99"]')],
    ["objects for every argument", post({ "content-type": "text/plain;charset=UTF-8" }, "[{},null,{}]")],
    [
      "a string where the form goes",
      post({ "content-type": "text/plain;charset=UTF-8" }, '["CS0001001",null,"x"]'),
    ],
    [
      "another site's origin",
      post({ origin: "https://evil.example" }, text.replace("captured note", "forged note!!")),
    ],
  ];
  for (const [what, response] of attempts) {
    const res = await response;
    expect(res.status(), what).toBeGreaterThanOrEqual(200);
    expect(res.status(), `${what}: ${(await res.text()).slice(0, 200)}`).toBeLessThan(500);
  }
  expect((await attempts[0][1]).status()).toBe(413);
  expect(await (await attempts[0][1]).text()).toMatch(/^The form is too large/);
  expect(await (await attempts[1][1]).text()).toContain("Work notes contains a control character (U+0000)");
  expect(await journal()).toBe(before);

  // The real request, replayed once more, still works: the refusals above were the input's doing.
  const again = await post({}, text.replace("captured note", "replayed note"));
  expect(again.status()).toBe(200);
  await expect.poll(journal).toBe(before + 1);
  await page.goto(`/cases/${number}`);
  await expect(page.getByRole("list", { name: "Activity" }).getByText("replayed note")).toBeVisible();
});

test("REL-1: a work note over the size limit shows a clear error in the form, and the page keeps working", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  await createCaseViaForm(page, { shortDescription: `Large form ${Date.now()}` });
  await page.getByLabel("Work notes").fill("y".repeat(300 * 1024));
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The form is too large to send" })).toBeVisible();
  await page.getByLabel("Work notes").fill("a normal note");
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("list", { name: "Activity" }).getByText("a normal note")).toBeVisible();
});
