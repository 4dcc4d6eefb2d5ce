import { expect, test, type Browser, type Page } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { db } from "./support/db";

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

const section = (page: Page) => page.getByRole("region", { name: "Attachments" });
const textFile = (name: string, text: string) => ({
  name,
  mimeType: "text/plain",
  buffer: Buffer.from(text),
});

test("NOT-4: an agent attaches files on a case; the customer downloads the public one as an attachment and never sees the internal one", async ({
  browser,
}) => {
  const stamp = Date.now();
  const { context: customerCtx, page: customer } = await signedIn(browser, DEMO.customer);
  await customer.getByRole("link", { name: "New case" }).click();
  await customer.getByLabel("Short description").fill(`Files ${stamp}`);
  await customer.getByLabel("Description", { exact: true }).fill("Logs to follow");
  await customer.getByRole("button", { name: "Submit" }).click();
  await expect(customer).toHaveURL(/\/portal\/cases\/CS\d{7}$/);
  const number = customer.url().split("/").pop()!;

  const { context: agentCtx, page: agent } = await signedIn(browser, DEMO.agent);
  await agent.goto(`/cases/${number}`);
  const files = section(agent);
  await files.getByLabel("Attach file").setInputFiles(textFile(`public-${stamp}.txt`, "hello customer"));
  await files.getByRole("button", { name: "Upload" }).click();
  await expect(files.getByRole("link", { name: `public-${stamp}.txt` })).toBeVisible();
  await files.getByLabel("Attach file").setInputFiles(textFile(`secret-${stamp}.txt`, "team only"));
  await files.getByLabel("Internal only").check();
  await files.getByRole("button", { name: "Upload" }).click();
  const secretRow = files.getByRole("row", { name: new RegExp(`secret-${stamp}`) });
  await expect(secretRow.getByText("Internal")).toBeVisible();
  // Internal only was that file's choice: the box is clear again for the next one.
  await expect(files.getByRole("status")).toHaveText(`Attached secret-${stamp}.txt (internal only).`);
  await expect(files.getByLabel("Internal only")).not.toBeChecked();

  // The composer attaches a file with a work note: internal-only too.
  await agent.getByLabel("Work notes").fill(`See the trace ${stamp}`);
  await agent
    .getByLabel("Attach a file with this entry")
    .setInputFiles(textFile(`trace-${stamp}.txt`, "trace"));
  await agent.getByRole("button", { name: "Post" }).click();
  await expect(
    files.getByRole("row", { name: new RegExp(`trace-${stamp}`) }).getByText("Internal"),
  ).toBeVisible();
  // An upload that fails leaves nothing chosen: the next post, a comment, does not send the work
  // note's file again — customer-visible this time.
  await agent.route(
    `**/api/cases/${number}/attachments`,
    (r) =>
      r.request().method() === "POST"
        ? r.fulfill({ status: 429, contentType: "application/json", body: '{"error":{"message":"Busy."}}' })
        : r.fallback(),
    { times: 1 },
  );
  await agent.getByLabel("Work notes").fill(`Second trace ${stamp}`);
  await agent
    .getByLabel("Attach a file with this entry")
    .setInputFiles(textFile(`retry-${stamp}.txt`, "team only"));
  await agent.getByRole("button", { name: "Post" }).click();
  await expect(agent.getByText(`retry-${stamp}.txt: Busy. Attach it again under Attachments.`)).toBeVisible();
  await agent.getByLabel("Additional comments").fill(`Update ${stamp}`);
  await agent.getByRole("button", { name: "Post" }).click();
  await expect(agent.getByLabel("Additional comments")).toHaveValue("");
  await agent.waitForLoadState("networkidle"); // an upload the post started would finish first
  await agent.reload();
  await expect(section(agent).getByText(`retry-${stamp}.txt`)).toHaveCount(0);

  await customer.reload();
  const portalFiles = section(customer);
  const link = portalFiles.getByRole("link", { name: `public-${stamp}.txt` });
  await expect(link).toBeVisible();
  await expect(portalFiles.getByText(`secret-${stamp}.txt`)).toHaveCount(0);
  await expect(portalFiles.getByText(`trace-${stamp}.txt`)).toHaveCount(0);
  const download = customer.waitForEvent("download");
  await link.click();
  expect((await download).suggestedFilename()).toBe(`public-${stamp}.txt`);
  const res = await customer.request.get((await link.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="public-\d+\.txt"/);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await res.text()).toBe("hello customer");

  // The customer attaches too; the agent sees it.
  await portalFiles.getByLabel("Attach file").setInputFiles(textFile(`photo-${stamp}.txt`, "from me"));
  await portalFiles.getByRole("button", { name: "Upload" }).click();
  await expect(portalFiles.getByRole("link", { name: `photo-${stamp}.txt` })).toBeVisible();
  // On a phone the list scrolls inside its card; the page does not scroll sideways.
  await customer.setViewportSize({ width: 375, height: 800 });
  await expect
    .poll(() => customer.evaluate(() => document.documentElement.scrollWidth), { message: "page width" })
    .toBeLessThanOrEqual(375);
  await agent.reload();
  await expect(section(agent).getByRole("link", { name: `photo-${stamp}.txt` })).toBeVisible();
  await customerCtx.close();
  await agentCtx.close();
});

test("NOT-4: a file over the limit is refused when chosen, with the limit, on the case and in the composer; nothing is sent", async ({
  browser,
}) => {
  const { context, page: agent } = await signedIn(browser, DEMO.agent);
  await agent.goto("/cases/new");
  await agent.getByLabel("Short description").fill(`Too large ${Date.now()}`);
  await agent.getByRole("button", { name: "Create" }).click();
  await expect(agent).toHaveURL(/\/cases\/CS\d{7}$/);
  const big = { name: "huge.log", mimeType: "text/plain", buffer: Buffer.alloc(11 * 1024 * 1024, 97) };
  const uploads: string[] = [];
  agent.on(
    "request",
    (r) => r.url().includes("/attachments") && r.method() === "POST" && uploads.push(r.url()),
  );
  const files = section(agent);
  await files.getByLabel("Attach file").setInputFiles(big);
  const message = "The file is larger than 10 MB, the largest a case accepts. Nothing was attached.";
  await expect(files.getByText(message)).toBeVisible();
  await files.getByRole("button", { name: "Upload" }).click();
  await expect(files.getByText(message)).toBeVisible();
  await agent.getByLabel("Work notes").fill("Log attached");
  await agent.getByLabel("Attach a file with this entry").setInputFiles(big);
  await expect(agent.getByText(`huge.log: ${message}`)).toBeVisible();
  // Post is held too: the note would go without its file.
  await agent.getByRole("button", { name: "Post" }).click();
  await expect(agent.getByText(`huge.log: ${message}`)).toBeVisible();
  await expect(agent.getByLabel("Work notes")).toHaveValue("Log attached");
  expect(await db().journalEntry.count({ where: { body: "Log attached" } })).toBe(0);
  expect(uploads).toEqual([]);
  await context.close();
});

test("NOT-4 / PERF-1: a case with 105 files lists the newest 100; Show older files brings the rest, and an upload meanwhile hides none", async ({
  browser,
}) => {
  const { context, page: agent } = await signedIn(browser, DEMO.agent);
  await agent.goto("/cases/new");
  await agent.getByLabel("Short description").fill(`Many files ${Date.now()}`);
  await agent.getByRole("button", { name: "Create" }).click();
  await expect(agent).toHaveURL(/\/cases\/CS\d{7}$/);
  const number = agent.url().split("/").pop()!;
  const { id: caseId } = await db().case.findUniqueOrThrow({ where: { number } });
  const base = Date.now() - 3_600_000;
  await db().attachment.createMany({
    data: Array.from({ length: 105 }, (_, i) => ({
      caseId,
      fileName: `mail-${String(i).padStart(3, "0")}.png`,
      contentType: "image/png",
      size: 10,
      sha256: "x",
      uploadedByName: "Mail",
      createdAt: new Date(base + i * 1000),
    })),
  });
  await agent.reload();
  const files = section(agent);
  const links = files.getByRole("link", { name: /^mail-\d{3}\.png$/ });
  await expect(links).toHaveCount(100);
  await expect(links.first()).toHaveText("mail-104.png");
  await expect(files.getByRole("link", { name: "mail-004.png" })).toHaveCount(0);
  // A new file before paging back: the page now starts one file later, and mail-005 stays listed.
  await files.getByLabel("Attach file").setInputFiles(textFile("fresh.txt", "new"));
  await files.getByRole("button", { name: "Upload" }).click();
  await expect(files.getByRole("link", { name: "fresh.txt" })).toBeVisible();
  await expect(files.getByRole("link", { name: "mail-005.png" })).toHaveCount(1);
  await files.getByRole("button", { name: "Show older files" }).click();
  await expect(links).toHaveCount(105);
  await expect(links.last()).toHaveText("mail-000.png");
  await expect(files.getByRole("button", { name: "Show older files" })).toHaveCount(0);
  await context.close();
});
