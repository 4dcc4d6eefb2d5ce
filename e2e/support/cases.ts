import { expect, type Page } from "@playwright/test";

/** Creates a case through /cases/new and returns its number (the page lands on the new case). */
export async function createCaseViaForm(
  page: Page,
  fields: {
    shortDescription: string;
    account?: string;
    contact?: string;
    priority?: string;
    description?: string;
  },
) {
  await page.goto("/cases/new");
  await page.getByLabel("Short description").fill(fields.shortDescription);
  if (fields.description) await page.getByLabel("Description", { exact: true }).fill(fields.description);
  if (fields.account) await page.getByLabel("Account").selectOption({ label: fields.account });
  if (fields.contact) {
    await expect(
      page.getByLabel("Contact", { exact: true }).locator("option", { hasText: fields.contact }),
    ).toHaveCount(1);
    await page.getByLabel("Contact", { exact: true }).selectOption({ label: fields.contact });
  }
  if (fields.priority) await page.getByLabel("Priority").selectOption({ label: fields.priority });
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/cases\/CS\d{7}$/);
  return page.url().split("/").pop()!;
}

/** Additional actions → Create Incident on the open case; returns the new incident's number. */
export async function createIncidentFromMenu(page: Page) {
  await page.getByRole("button", { name: "Additional actions" }).click();
  await page.getByRole("menuitem", { name: "Create Incident" }).click();
  const link = page
    .getByRole("region", { name: "Related Records" })
    .getByRole("link", { name: /^INC\d{7}$/ });
  await expect(link).toBeVisible();
  return (await link.textContent())!;
}
