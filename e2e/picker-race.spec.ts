// A picker's results can be replaced while the person is clicking one: the answer for the text
// typed a moment ago arrives between mousedown and mouseup. CI lost picks that way (ITSM-2's
// Problem, PRO-1's second affected account). The press holds the list it was made on.
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { makeAccounts } from "./support/db";
import { createIncidentViaForm } from "./support/incidents";

test("PRO-1: an account pressed while a later search answer replaces the list is still the one added", async ({
  page,
}) => {
  // Three accounts only this test's search finds, listed by name: a, b, c.
  const [a, b, c] = await makeAccounts(3);
  const shared = a.replace(/ 0$/, "");
  await signIn(page, DEMO.itil);
  await createIncidentViaForm(page, {
    shortDescription: `Picker race ${Date.now()}`,
    description: "Relay down",
  });

  const section = page.getByRole("region", { name: "Affected accounts" });
  const picker = section.getByRole("combobox", { name: "Add affected account" });
  const list = page.getByRole("listbox");
  // The answer for c's full name is held back until the mouse button is down on c in the earlier list.
  const narrowed = new RegExp(
    `/api/lookup/accounts\\?q=${encodeURIComponent(c).replace(/%20/g, "(%20|\\+)")}$`,
  );
  let answer!: () => void;
  const held = new Promise<void>((resolve) => (answer = resolve));
  await page.route(narrowed, async (route) => {
    await held;
    await route.continue();
  });

  await picker.fill(shared);
  await expect(list.getByRole("option")).toHaveText([a, b, c].map((n) => new RegExp(n)));
  await expect(list).toHaveAttribute("aria-busy", "false");
  await picker.press("End");
  await page.keyboard.type(c.slice(shared.length));
  await expect(list).toHaveAttribute("aria-busy", "true");

  const box = (await list.getByRole("option", { name: c }).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  const answered = page.waitForResponse(narrowed);
  answer();
  await answered;
  await expect(list).toHaveAttribute("aria-busy", "false");
  await page.mouse.up();

  // Picked, not just typed: the hidden field carries the account's id.
  await expect(section.locator('input[type="hidden"][name="accountId"]')).toHaveValue(/^\d+$/);
  await section.getByRole("button", { name: "Add", exact: true }).click();
  await expect(section.getByRole("status")).toHaveText(`${c} added.`);
  await expect(section.getByRole("cell", { name: c, exact: true })).toBeVisible();
});
