// WRK-6: the workspace's keyboard shortcuts, pressed as a person presses them.
import { expect, test, type Page } from "./support/test";
import { expectAccessible } from "./support/axe";
import { DEMO, signIn } from "./support/auth";
import { createCaseViaForm } from "./support/cases";

/**
 * Presses `keys` until the page answers: the shortcuts listen once the page's script has loaded
 * (a person who presses a key before that simply presses it again).
 */
async function pressUntil(page: Page, keys: string[], answered: () => Promise<void>) {
  await expect(async () => {
    for (const k of keys) await page.keyboard.press(k);
    await answered();
  }).toPass({ timeout: 15_000 });
}

/** `?` (Shift+/ on a US keyboard) opens the Keyboard shortcuts dialog. */
async function openHelp(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await pressUntil(page, ["Shift+?"], () => expect(dialog).toBeVisible({ timeout: 2_000 }));
  return dialog;
}

const heading = (page: Page) => page.getByRole("main").getByRole("heading", { level: 1 });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** A key that must do nothing: there is no answer to wait for, so give a navigation time to start. */
const settle = (page: Page) => page.waitForTimeout(1_000);

test("WRK-6: `?` opens the Keyboard shortcuts dialog listing every shortcut; Escape closes it and focus returns", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  await page.goto("/cases");
  const newCase = page.getByRole("link", { name: "New case" });
  await newCase.focus();
  const dialog = await openHelp(page);
  for (const [keys, action] of [
    ["g then c", "Go to Cases"],
    ["g then m", "Go to My work"],
    ["/", "Search"],
    ["c", "New case"],
    ["?", "Show these keyboard shortcuts"],
    ["Ctrl + Enter", "Post the work note or comment being written"],
  ])
    await expect(dialog.getByRole("row", { name: new RegExp(`${escape(keys)}.*${action}`) })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, "/cases with the Keyboard shortcuts dialog open");

  // Inside the dialog the page's shortcuts wait: `c` does not leave the page.
  await page.keyboard.press("c");
  await expect(page).toHaveURL(/\/cases$/);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(newCase).toBeFocused();
});

test("WRK-6: `g c` goes to the case list, `c` opens New case; in a field, or with Shift, the keys only type", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  await page.goto("/incidents");
  await pressUntil(page, ["g", "c"], () => expect(page).toHaveURL(/\/cases$/, { timeout: 2_000 }));
  // `g c` took the `c`: the list, not New case.
  await expect(heading(page)).toHaveText("Cases");
  await settle(page);
  await expect(page).toHaveURL(/\/cases$/);

  // A modifier the shortcut does not name: Shift+C and Ctrl+C are not `c`.
  await page.keyboard.press("Shift+C");
  await page.keyboard.press("Control+c");
  await settle(page);
  await expect(page).toHaveURL(/\/cases$/);
  await page.keyboard.press("c");
  await expect(page).toHaveURL(/\/cases\/new$/);
  await expect(heading(page)).toHaveText("New case");

  const field = page.getByLabel("Short description");
  await field.click();
  await page.keyboard.type("g c ? c");
  await expect(field).toHaveValue("g c ? c");
  await expect(page).toHaveURL(/\/cases\/new$/);
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("WRK-6: an itil user, who may not create cases, has no `c` shortcut and the dialog does not list it", async ({
  page,
}) => {
  await signIn(page, DEMO.itil);
  await page.goto("/incidents");
  const dialog = await openHelp(page);
  await expect(dialog.getByRole("row", { name: /Go to Cases/ })).toBeVisible();
  await expect(dialog.getByRole("row", { name: /New case/ })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await page.keyboard.press("g");
  await page.keyboard.press("c");
  await expect(heading(page)).toHaveText("Cases");
  await page.keyboard.press("c");
  await settle(page);
  await expect(page).toHaveURL(/\/cases$/);
});

test("WRK-6: Ctrl+Enter in the Work notes box posts the work note on a case page", async ({ page }) => {
  await signIn(page, DEMO.agent);
  const number = await createCaseViaForm(page, {
    shortDescription: `Keyboard posting ${Date.now()}`,
    account: "Acme Corporation",
  });
  const notes = page.getByLabel("Work notes");
  const text = `Posted with Ctrl+Enter ${Date.now()}`;
  await notes.fill(text);
  await notes.press("Control+Enter");
  await expect(page.getByRole("list", { name: "Activity" })).toContainText(text);
  await expect(notes).toHaveValue("");
  await expect(page).toHaveURL(new RegExp(`/cases/${number}$`));
});
