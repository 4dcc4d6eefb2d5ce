import { expect, type Page } from "@playwright/test";

/** Creates an incident through /incidents/new and returns its number (the page lands on it). */
export async function createIncidentViaForm(
  page: Page,
  fields: { shortDescription: string; description?: string },
) {
  await page.goto("/incidents/new");
  await page.getByLabel("Short description").fill(fields.shortDescription);
  if (fields.description) await page.getByLabel("Description", { exact: true }).fill(fields.description);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/incidents\/INC\d{7}$/);
  return page.url().split("/").pop()!;
}
