// A click in the first moments of a slow load: until React has hydrated the page, a click (or Enter,
// or Space) on a control that only works with the page's script is held, and done once the script
// runs (components/providers/hydration-guard.ts) — never lost. Found when WRK-4's Save view click
// was lost in CI. The page's script is held back here until the test lets it load.
import { expect, test, type Locator, type Page } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { createCaseViaForm } from "./support/cases";
import { openWithScriptsHeld } from "./support/scripts-held";

/** Signs the agent in, creates a case and opens its page with the script held back. */
async function caseWithScriptHeld(page: Page, shortDescription: string) {
  await signIn(page, DEMO.agent);
  const number = await createCaseViaForm(page, { shortDescription: `${shortDescription} ${Date.now()}` });
  return openWithScriptsHeld(page, `/cases/${number}`);
}

const hydrating = (page: Page) =>
  page.evaluate(() => document.documentElement.hasAttribute("data-hydrating"));

test("WRK-4: a click on Save view and a double click on Select all before the script runs are done once it has", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  const release = await openWithScriptsHeld(page, "/cases");
  await page.getByRole("button", { name: "Save view" }).click();
  expect(await hydrating(page)).toBe(true);
  const selectAll = page.getByRole("checkbox", { name: "Select all" });
  await selectAll.click();
  await selectAll.click();
  // Held, not done: no dialog, and the checkbox's own toggle was cancelled.
  await expect(page.getByRole("dialog", { name: "Save view" })).toHaveCount(0);
  await expect(selectAll).not.toBeChecked();
  expect(await hydrating(page)).toBe(true);

  await release();
  await expect(page.getByRole("dialog", { name: "Save view" })).toBeVisible();
  await expect(selectAll).toBeChecked(); // the two clicks on one control count once
  expect(await hydrating(page)).toBe(false);
});

test("WRK-4: a row's box clicked before the script runs is ticked and selected once it has", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  const release = await openWithScriptsHeld(page, "/cases");
  // The rows are HTML text (components/cases/case-rows-html.ts): the table's handler selects a box's row.
  const box = page.getByRole("checkbox", { name: /^Select CS/ }).first();
  await box.click();
  await expect(box).not.toBeChecked(); // held: the box's own toggle was cancelled
  expect(await hydrating(page)).toBe(true);

  await release();
  await expect(box).toBeChecked();
  await expect(page.getByText("1 selected", { exact: true })).toBeVisible();
  expect(await hydrating(page)).toBe(false);
  await box.click(); // and a click after, once: unticked, nothing selected
  await expect(box).not.toBeChecked();
  await expect(page.getByText("1 selected", { exact: true })).toHaveCount(0);
});

test("A11Y / WRK-4: Enter on Additional actions before the script runs opens the menu once it has", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  await page.goto("/cases");
  const first = page
    .getByRole("main")
    .getByRole("link", { name: /^CS\d{7}$/ })
    .first();
  const path = await first.getAttribute("href");
  const release = await openWithScriptsHeld(page, path!);
  await page.getByRole("button", { name: "Additional actions" }).focus();
  expect(await hydrating(page)).toBe(true);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu", { name: "Additional actions" })).toHaveCount(0);

  await release();
  await expect(page.getByRole("menu", { name: "Additional actions" })).toBeVisible();
  // After hydration the page's own handlers take clicks: the menu closes and opens as usual.
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu", { name: "Additional actions" })).toHaveCount(0);
  await page.getByRole("button", { name: "Additional actions" }).click();
  await expect(page.getByRole("menu", { name: "Additional actions" })).toBeVisible();
});

/**
 * WRK-5: opens the case list with its script held back, lets `early` put "mail relay" into the
 * header's Search, lets the script load, and expects that text kept, searched and focused.
 */
async function searchTypedEarly(page: Page, early: (box: Locator) => Promise<void>) {
  await signIn(page, DEMO.agent);
  const release = await openWithScriptsHeld(page, "/cases");
  const box = page.getByRole("searchbox", { name: "Search", exact: true });
  await early(box);
  expect(await hydrating(page)).toBe(true);

  await release();
  await expect(page.getByRole("listbox", { name: "Search results" })).toContainText(
    "Mail relay runs out of disk",
  );
  await expect(box).toHaveValue("mail relay");
  await expect(box).toBeFocused();
}

test("WRK-5: words typed into Search before the script runs are kept and searched once it has", async ({
  page,
}) => {
  await searchTypedEarly(page, (box) => box.fill("mail relay"));
});

test("WRK-5: text that reaches Search as the page hydrates — the box focused before, woken, not yet redrawn — is kept and searched", async ({
  page,
}) => {
  await searchTypedEarly(page, async (box) => {
    await box.focus();
    // The moment CI's fill landed in: hydration's effects have run (the focused box has woken,
    // its redraw is scheduled) and the text goes into the plain box, still in the page, focused.
    await page.evaluate(() =>
      new MutationObserver((_, observer) => {
        if (document.documentElement.hasAttribute("data-hydrating")) return;
        observer.disconnect();
        document.execCommand("insertText", false, "mail relay");
      }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-hydrating"] }),
    );
  });
});

test("ITSM-2: a problem typed into the Related Records picker before the script runs is kept and looked up once it has", async ({
  page,
}) => {
  const release = await caseWithScriptHeld(page, "Typed early");
  const form = page.getByRole("form", { name: "Related Records" });
  await form.getByRole("combobox", { name: "Problem" }).fill("relay");
  expect(await hydrating(page)).toBe(true);

  await release();
  await expect(form.getByRole("option", { name: /PRB0040001/ })).toBeVisible();
  await expect(form.getByRole("combobox", { name: "Problem" })).toHaveValue("relay");
  await form.getByRole("option", { name: /PRB0040001/ }).click();
  await expect(form.getByRole("combobox", { name: "Problem" })).toHaveValue(/PRB0040001/);
});

test("WRK-1: a group chosen before the script runs stays chosen once it has, and narrows Assigned to to its members", async ({
  page,
}) => {
  const release = await caseWithScriptHeld(page, "Group chosen early");
  const group = page.getByLabel("Assignment group");
  await group.selectOption({ label: "Network Operations" });
  expect(await hydrating(page)).toBe(true);

  await release();
  await expect.poll(() => hydrating(page)).toBe(false);
  const assignee = page.getByLabel("Assigned to");
  await expect(assignee.getByRole("option", { name: "Morgan Manager" })).toHaveCount(1);
  await expect(assignee.getByRole("option", { name: "Alex Agent" })).toHaveCount(0); // not a member
  // React's renders since hydration have not put the server's choice (none) back.
  await expect(group.locator("option:checked")).toHaveText("Network Operations");
  await assignee.selectOption({ label: "Morgan Manager" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  await expect(group.locator("option:checked")).toHaveText("Network Operations");
  await expect(assignee.locator("option:checked")).toHaveText("Morgan Manager");
});

test("NOT-4: Internal only ticked before the script runs is still ticked once it has, and the file is internal", async ({
  page,
}) => {
  const release = await caseWithScriptHeld(page, "Internal early");
  const files = page.getByRole("region", { name: "Attachments" });
  await files.getByLabel("Internal only").click();
  expect(await hydrating(page)).toBe(true);

  await release();
  await expect.poll(() => hydrating(page)).toBe(false);
  await expect(files.getByLabel("Internal only")).toBeChecked();
  const name = `early-${Date.now()}.txt`;
  await files
    .getByLabel("Attach file")
    .setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from("team only") });
  await files.getByRole("button", { name: "Upload" }).click();
  await expect(files.getByRole("row", { name: new RegExp(name) }).getByText("Internal")).toBeVisible();
});

test("SET-3: a kind and a CSV file chosen before the script runs can be previewed once it has", async ({
  page,
}) => {
  await signIn(page, DEMO.admin);
  const release = await openWithScriptsHeld(page, "/admin/import");
  await page.getByLabel("What the file holds").selectOption("contacts");
  const csv = `Email,Name,Account\r\nearly.${Date.now()}@acme.example,Early Bird,Acme Corporation\r\n`;
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "early.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  expect(await hydrating(page)).toBe(true);

  await release();
  await expect.poll(() => hydrating(page)).toBe(false);
  await page.getByRole("button", { name: "Preview" }).click();
  // Contacts, as chosen: the row is read with the contact columns.
  await expect(page.getByRole("status").filter({ hasText: "Preview:" })).toContainText(
    "Preview: 1 to create, 0 to update, 0 unchanged, 0 with errors.",
  );
});
