// SET-1 / SET-2 on the demo install: the demo-password banner, an agent's New contact on the case
// form, and a manager's directory pages.
import { expect, test } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { expectAccessible } from "./support/axe";

test("SET-1: while users have the demo password, every workspace page says so", async ({ page }) => {
  await signIn(page, DEMO.agent);
  await expect(page.getByRole("region", { name: "Demo passwords" })).toContainText(
    "Demo passwords are in use.",
  );
});

test("SET-2: New contact on /cases/new adds a person to the chosen account and selects them", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  await page.goto("/cases/new");
  await expect(page.getByRole("button", { name: "New contact" })).toBeDisabled();
  const contact = page.getByLabel("Contact", { exact: true });
  await expect(contact.locator("option:checked")).toHaveText("— No account chosen —");
  await page.getByLabel("Account").selectOption({ label: "Globex Industries" });
  await expect(contact.locator("option:checked")).toHaveText("— None —");
  await page.getByRole("button", { name: "New contact" }).click();
  const dialog = page.getByRole("dialog", { name: "New contact of Globex Industries" });
  const email = `gina.${Date.now().toString(36)}@globex.example`;
  await dialog.getByLabel("Name").fill("Gina Globex");
  await dialog.getByLabel("Email").fill(`gi\u200bna@globex.example`);
  await dialog.getByRole("button", { name: "Add contact" }).click();
  await expect(dialog.getByText(/invisible or direction-changing character \(U\+200B\)/)).toBeVisible();
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("button", { name: "Add contact" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(contact.locator("option:checked")).toHaveText("Gina Globex");
  await page.getByLabel("Short description", { exact: true }).fill(`New contact case ${Date.now()}`);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/cases\/CS\d{7}$/);
  await expect(contact.locator("option:checked")).toHaveText("Gina Globex");
  // The button sits in the label's row: the select is as wide as its neighbour's (it cut the name).
  const [mine, account] = [await contact.boundingBox(), await page.getByLabel("Account").boundingBox()];
  expect(Math.abs(mine!.width - account!.width)).toBeLessThanOrEqual(2);
});

test("SET-2: a manager edits a contact, relates a partner, and sees the account's open cases; accessible", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.manager);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Accounts" }).click();
  await page.getByLabel("Search accounts").fill("Acme");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Acme Corporation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme Corporation");
  await expect(page.getByRole("region", { name: /^Open cases/ })).toContainText("CS");
  await expect(page.getByRole("list", { name: "Related accounts" })).toContainText("Initech Partners");
  await expectAccessible(page, "/admin/accounts/<Acme>");

  const row = page.getByRole("row").filter({ hasText: "admin@acme.example" });
  await row.getByRole("button", { name: "Edit Aaron Acme-Admin" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Aaron Acme-Admin" });
  await expectAccessible(page, "the Edit contact dialog");
  await dialog.getByLabel("Phone").fill("+1 555 0199");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText("+1 555 0199");

  // Assets are searched by name, number or serial number (and paged), like the contacts.
  await page.getByLabel("Search assets").fill("sn-pay-2210");
  await page.getByRole("button", { name: "Search" }).nth(1).click();
  const assets = page.getByRole("region", { name: "Assets", exact: true });
  await expect(assets.getByRole("row")).toHaveCount(2);
  await expect(assets).toContainText("Acme payroll server");
  await expect(page.getByLabel("Search assets")).toHaveValue("sn-pay-2210");

  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Consumers" }).click();
  const consumer = page.getByRole("row").filter({ hasText: "consumer@example.net" });
  await expect(consumer.getByRole("button", { name: "Invite again" })).toBeVisible();
  await expect(consumer).not.toContainText("No password yet");
});

test("SET-2: an agent does not reach the directory pages", async ({ page }) => {
  await signIn(page, DEMO.agent);
  await expect(
    page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Accounts" }),
  ).toHaveCount(0);
  const res = await page.goto("/admin/accounts");
  expect(res?.status()).toBe(404);
});

test("SET-4: a contact without a portal role is offered no Invite until Edit gives them one", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Accounts" }).click();
  await page.getByLabel("Search accounts").fill("Globex");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Globex Industries" }).click();
  const contacts = page.getByRole("region", { name: /^Contacts \(/ });
  const email = `norole.${Date.now().toString(36)}@globex.example`;
  await contacts.getByLabel("Name").fill("Nora No-Role");
  await contacts.getByLabel("Email").fill(email);
  await contacts.getByLabel("customer", { exact: true }).uncheck();
  await contacts.getByRole("button", { name: "Add contact" }).click();
  await expect(contacts.getByRole("status")).toHaveText(`Contact Nora No-Role <${email}> added.`);
  const row = contacts.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("No portal role — no sign-in");
  await expect(row.getByRole("button", { name: "Invite" })).toHaveCount(0);
  await row.getByRole("button", { name: "Edit Nora No-Role" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Nora No-Role" });
  await dialog.getByLabel("customer", { exact: true }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText("No password yet");
  await expect(row.getByRole("button", { name: "Invite", exact: true })).toBeVisible();
});
