import { expect, test } from "./support/test";
import { DEMO, signIn } from "./support/auth";

// PERF-8: links are anchors navigated by the router (components/ui/link.tsx) — a click moves
// within the app without reloading the page, and a click the browser should handle (new tab) is
// left to it.

test("PERF-8: links in the navigation, the case list (rows and sort headers) and the case page navigate without a page load", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  await page.goto("/my-work");
  // A mark on the window survives a client navigation and is gone after a full page load.
  await page.evaluate(() => Object.assign(window, { __caseflowMark: 1 }));
  const mark = () => page.evaluate(() => (window as unknown as { __caseflowMark?: number }).__caseflowMark);

  await page
    .getByRole("navigation", { name: "Workspace" })
    .getByRole("link", { name: "Cases", exact: true })
    .click();
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole("heading", { name: "Cases", level: 1 })).toBeVisible();
  expect(await mark()).toBe(1);

  // The table's links (sort headers, rows) share one handler (components/cases/case-table.tsx).
  await page.getByRole("columnheader", { name: "Number" }).getByRole("link").click();
  await expect(page).toHaveURL(/\/cases\?sort=number$/);
  await expect(page.getByRole("columnheader", { name: /Number/ })).toHaveAttribute("aria-sort", "ascending");
  expect(await mark()).toBe(1);
  const rowLink = page.getByRole("table", { name: "Cases" }).getByRole("link", { name: /^CS\d+$/ });
  const [rowTab] = await Promise.all([
    page.context().waitForEvent("page"),
    rowLink.nth(1).click({ modifiers: ["ControlOrMeta"] }),
  ]);
  await rowTab.waitForLoadState();
  expect(new URL(rowTab.url()).pathname).toMatch(/^\/cases\/CS\d+$/);
  await rowTab.close();
  await expect(page).toHaveURL(/\/cases\?sort=number$/);
  expect(await mark()).toBe(1);

  const first = page
    .getByRole("table", { name: "Cases" })
    .getByRole("link", { name: /^CS\d+$/ })
    .first();
  const number = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/cases/${number}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  expect(await mark()).toBe(1);

  // A modified click is the browser's: a new tab opens, this page stays.
  const [tab] = await Promise.all([
    page.context().waitForEvent("page"),
    page
      .getByRole("navigation", { name: "Workspace" })
      .getByRole("link", { name: "Cases", exact: true })
      .click({
        modifiers: ["ControlOrMeta"],
      }),
  ]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe("/cases");
  await expect(page).toHaveURL(new RegExp(`/cases/${number}$`));
  expect(await mark()).toBe(1);
  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  expect(await mark()).toBe(1);
});

test("ADM-1: /admin opens the first admin page; /favicon.ico is the app's icon", async ({
  page,
  request,
}) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/properties$/);
  await expect(page.getByRole("heading", { level: 1, name: "System properties" })).toBeVisible();
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
