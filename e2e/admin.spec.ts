import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";

const THRESHOLD = "major_case_affected_account_threshold";

test("ADM-1: an admin sees every property with type and description; a non-number threshold is refused", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/properties");
  for (const name of ["com.sn_cs_sm.incident_data_lookup", "sn_customerservice.case_fields_to_sync", THRESHOLD, "proactive_workflows_for_providers.additional_comments_sync"]) {
    await expect(page.getByText(name, { exact: true })).toBeVisible();
  }
  const field = page.getByLabel(THRESHOLD);
  const row = page.getByRole("listitem").filter({ has: field });
  await expect(row).toContainText("Type: integer");
  await field.fill("many");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("alert")).toHaveText(`${THRESHOLD} must be a whole number, not "many".`);
  await page.reload();
  await expect(page.getByLabel(THRESHOLD)).toHaveValue("5");

  const days = page.getByLabel("sn_customerservice.case_auto_close_days");
  await days.fill("10");
  const daysRow = page.getByRole("listitem").filter({ has: days });
  await daysRow.getByRole("button", { name: "Save" }).click();
  await expect(daysRow.getByRole("status")).toHaveText("sn_customerservice.case_auto_close_days saved.");
  await page.reload();
  await expect(page.getByLabel("sn_customerservice.case_auto_close_days")).toHaveValue("10");
});

test("ROLE-4: non-admins cannot open the properties page", async ({ page }) => {
  await signIn(page, DEMO.manager);
  const res = await page.goto("/admin/properties");
  expect(res?.status()).toBe(404);
  await expect(page.getByText(THRESHOLD)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "System properties" })).toHaveCount(0);
});
