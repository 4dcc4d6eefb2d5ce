// WCAG 2.1 A/AA (axe-core) over every page each role reaches, the open Additional actions menu and
// open dialogs. A failure lists each failing element: rule, selector, what is wrong.
import { expect, test, type Page } from "./support/test";
import { expectAccessible } from "./support/axe";
import { DEMO, signIn } from "./support/auth";
import { createCaseViaForm } from "./support/cases";

/** Opens `path` and scans it once the page has settled. */
async function scan(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, path);
}

/** The path of the first record linked from a list page (e.g. /problems → /problems/PRB0040001). */
async function firstRecord(page: Page, list: string, prefix: string) {
  await page.goto(list);
  const link = page.getByRole("main").getByRole("link", { name: new RegExp(`^${prefix}\\d{7}$`) });
  const href = await link.first().getAttribute("href");
  expect(href, `a record linked from ${list}`).toBeTruthy();
  return href!;
}

/** The workspace pages the signed-in person's navigation offers. */
async function navPages(page: Page) {
  await page.goto("/cases");
  const links = page.getByRole("navigation", { name: "Workspace" }).getByRole("link");
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  // A link to a section of a page (My work's) is the page itself: scanned once.
  return [...new Set(hrefs.map((h) => h.split("#")[0]).filter(Boolean))];
}

test("A11Y: the sign-in, Forgot password and Set password pages, the customer portal (list, case page, New case) and Change password", async ({
  page,
}) => {
  await scan(page, "/login");
  await scan(page, "/forgot-password");
  // SET-4: the demo server has no SMTP_URL, and the page says so before anyone waits for a link.
  await expect(page.getByRole("note")).toContainText("This server does not send email yet");
  await scan(page, "/set-password?token=not-a-real-token-0000000000000000000000000");
  await signIn(page, DEMO.customer);
  await scan(page, "/portal");
  const own = await page
    .getByRole("main")
    .getByRole("link", { name: /^CS\d{7}$/ })
    .first()
    .getAttribute("href");
  await scan(page, own!); // the customer's case page: details, Reply box, live comments
  await scan(page, "/portal/cases/new");
  await scan(page, "/account/password");
});

test("A11Y: an agent's pages", async ({ page }) => {
  // One scan per page: 1.5–2.6 min each of these three on a slow 2-core machine (2026-11-25).
  test.setTimeout(360_000);
  await signIn(page, DEMO.agent);
  for (const path of await navPages(page)) await scan(page, path);
  await scan(page, "/cases?state=open&sort=number");
  await scan(page, "/cases/new");
  await scan(page, "/incidents/new");
  await scan(page, "/account/password");
  await scan(page, "/account/notifications");
  await scan(page, await firstRecord(page, "/incidents", "INC"));
  await scan(page, await firstRecord(page, "/cases", "CS"));
});

test("A11Y: the Additional actions menu, the incident picker and the case dialogs, open", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.agent);
  const number = await createCaseViaForm(page, {
    shortDescription: `Accessibility check ${Date.now()}`,
    account: "Acme Corporation",
    contact: "Carol Customer",
  });
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, `/cases/${number} (new case)`);
  await page.getByRole("button", { name: "Additional actions" }).click();
  await expect(page.getByRole("menu", { name: "Additional actions" })).toBeVisible();
  await expectAccessible(page, `/cases/${number} with the Additional actions menu open`);
  await page.getByRole("menuitem", { name: "Associate Incident" }).click();
  const dialog = page.getByRole("dialog", { name: "Associate Incident" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, `/cases/${number} with the Associate Incident dialog open`);
  await dialog.getByRole("combobox", { name: "Incident" }).fill("Payroll");
  await expect(dialog.getByRole("option").first()).toBeVisible();
  await expectAccessible(page, `/cases/${number} with the incident picker's results open`);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await page.getByRole("button", { name: "Accept" }).click();
  await page.getByRole("button", { name: "Propose Solution" }).click();
  await expect(page.getByRole("dialog", { name: "Propose solution" })).toBeVisible();
  await expectAccessible(page, `/cases/${number} with the Propose solution dialog open`);
  await page.keyboard.press("Escape");
  await page.goto("/cases?sort=number");
  await page.getByRole("checkbox", { name: "Select all" }).check();
  await page.getByRole("button", { name: "Notify Customers" }).click();
  await expect(page.getByRole("dialog", { name: "Notify Customers" })).toBeVisible();
  await expectAccessible(page, "/cases with rows selected and the Notify Customers dialog open");
});

test("A11Y: an ITIL manager's problem, change and request pages", async ({ page }) => {
  test.setTimeout(360_000);
  await signIn(page, DEMO.manager);
  for (const path of await navPages(page)) await scan(page, path);
  await scan(page, await firstRecord(page, "/problems", "PRB"));
  await scan(page, await firstRecord(page, "/changes", "CHG"));
  await scan(page, await firstRecord(page, "/requests", "(REQ|RITM)"));
});

test("A11Y: every administration page", async ({ page }) => {
  test.setTimeout(360_000);
  await signIn(page, DEMO.admin);
  const pages = await navPages(page);
  expect(pages.filter((p) => p.startsWith("/admin/")).length).toBeGreaterThan(0);
  for (const path of pages) await scan(page, path);
});

test("A11Y: a major case, its child case and the candidate list", async ({ browser }) => {
  test.setTimeout(180_000);
  const agent = await (await browser.newContext()).newPage();
  const manager = await (await browser.newContext()).newPage();
  await signIn(agent, DEMO.agent);
  await signIn(manager, DEMO.manager);
  const candidate = await createCaseViaForm(agent, {
    shortDescription: `Accessibility major case ${Date.now()}`,
    account: "Acme Corporation",
  });
  await agent.getByRole("button", { name: "Additional actions" }).click();
  await agent.getByRole("menuitem", { name: "Propose Major Case" }).click();
  const dialog = agent.getByRole("dialog", { name: "Propose Major Case" });
  await dialog.getByLabel("Work notes").fill("Nobody can sign in.");
  await dialog.getByLabel("Business impact").fill("Every office");
  await expectAccessible(agent, "the Propose Major Case dialog");
  await dialog.getByRole("button", { name: "Propose" }).click();
  await expect(agent.getByRole("note")).toContainText("Major case candidate");
  await scan(agent, `/cases/${candidate}`);

  await scan(manager, "/major-cases");
  await manager.goto(`/cases/${candidate}`);
  await manager.getByRole("button", { name: "Reject Major Case" }).click();
  await expectAccessible(manager, "the Reject Major Case dialog");
  await manager.keyboard.press("Escape");
  await manager.getByRole("button", { name: "Accept Major Case" }).click();
  await expectAccessible(manager, "the Accept Major Case dialog");
  await manager
    .getByRole("dialog", { name: "Accept Major Case" })
    .getByRole("button", { name: "Accept Major Case" })
    .click();
  await expect(manager.getByRole("note")).toContainText("Major case with 1 child case");
  const major = (await manager.getByRole("heading", { level: 1 }).textContent())!.split(" ")[0];
  await manager.waitForLoadState("networkidle");
  await expectAccessible(manager, `/cases/${major} (major case)`);
  await scan(agent, `/cases/${candidate}`); // now a child case
});

test("A11Y: a work order page worked by a manager with itil, its Add task form open", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.manager);
  await createCaseViaForm(page, {
    shortDescription: `Accessibility work order ${Date.now()}`,
    account: "Acme Corporation",
  });
  await page.getByRole("button", { name: "Additional actions" }).click();
  await page.getByRole("menuitem", { name: "Create Work Order" }).click();
  await expect(page).toHaveURL(/\/work-orders\/WO\d{7}$/);
  await page.locator("summary", { hasText: "Add task" }).click();
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, "a work order with its Add task form open");
  await scan(page, "/work-orders?state=all");
});

test("A11Y / WRK-5: the header's Search with its grouped results open, and with none found", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  await page.goto("/cases");
  const box = page.getByRole("searchbox", { name: "Search", exact: true });
  await box.fill("mail relay");
  await expect(
    page.getByRole("listbox", { name: "Search results" }).getByRole("option").first(),
  ).toBeVisible();
  await expectAccessible(page, "/cases with the header's search results open");
  await box.press("ArrowDown");
  await expectAccessible(page, "/cases with a search result highlighted");
  await box.fill("zzqxj nothing");
  await expect(page.getByText("No matches")).toBeVisible();
  await expectAccessible(page, "/cases with a search that found nothing");
});
