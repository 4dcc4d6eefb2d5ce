// A picker's results can be replaced while the person is clicking one: the answer for the text
// typed a moment ago arrives between mousedown and mouseup. CI lost picks that way (ITSM-2's
// Problem, PRO-1's second affected account). The press holds the list it was made on.
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { db } from "./support/db";

test("PRO-1: an account pressed while a later search answer replaces the list is still the one added", async ({
  page,
}) => {
  // Three accounts only this test's search finds, listed by name: a, b, c.
  const stamp = `Race Co ${Date.now().toString(36)}`;
  for (const letter of ["a", "b", "c"]) {
    const name = `${stamp} ${letter}`;
    await db().account.create({
      data: { number: `ACCRACE${Date.now().toString(36)}${letter}`, name, nameKey: name.toLowerCase() },
    });
  }
  await signIn(page, DEMO.itil);
  await page.goto("/incidents/new");
  await page.getByLabel("Short description").fill(`Picker race ${Date.now()}`);
  await page.getByLabel("Description", { exact: true }).fill("Relay down");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/incidents\/INC\d+$/);

  const section = page.getByRole("region", { name: "Affected accounts" });
  const picker = section.getByRole("combobox", { name: "Add affected account" });
  const list = page.getByRole("listbox");
  // The answer for "… c" is held back until the mouse button is down on c in the earlier list.
  const narrowed = new RegExp(
    `/api/lookup/accounts\\?q=${encodeURIComponent(`${stamp} c`).replace(/%20/g, "(%20|\\+)")}$`,
  );
  let answer!: () => void;
  const held = new Promise<void>((resolve) => (answer = resolve));
  await page.route(narrowed, async (route) => {
    await held;
    await route.continue();
  });

  await picker.fill(stamp);
  await expect(list.getByRole("option")).toHaveText(
    [`${stamp} a`, `${stamp} b`, `${stamp} c`].map((n) => new RegExp(n)),
  );
  await expect(list).toHaveAttribute("aria-busy", "false");
  await picker.press("End");
  await page.keyboard.type(" c");
  await expect(list).toHaveAttribute("aria-busy", "true");

  const box = (await list.getByRole("option", { name: `${stamp} c` }).boundingBox())!;
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
  await expect(section.getByRole("status")).toHaveText(`${stamp} c added.`);
  await expect(section.getByRole("cell", { name: `${stamp} c`, exact: true })).toBeVisible();
});
