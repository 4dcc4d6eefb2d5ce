import { expect, test } from "./support/test";
import { DEMO, signIn } from "./support/auth";

const DAYS = "sn_customerservice.case_auto_close_days";

test("ADM-1: an admin sees the properties the product acts on, with type, bounds, items and description; a non-number is refused", async ({
  page,
}) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/properties");
  for (const name of [
    "com.sn_cs_sm.incident_data_lookup",
    "sn_customerservice.case_fields_to_sync",
    "major_case_affected_account_threshold",
    "proactive_workflows_for_providers.additional_comments_sync",
    "csm_fsm.sync_case_to_work_order", // FSM-4, listed since work orders act on it
    DAYS,
  ]) {
    await expect(page.getByText(name, { exact: true })).toBeVisible();
  }
  const days = page.getByLabel(DAYS);
  const row = page.getByRole("listitem").filter({ has: days });
  await expect(row).toContainText("Type: integer");
  // The bounds and a list's items are shown, not only learned from a refusal.
  await expect(row).toContainText("From 0 to 365");
  await expect(
    page.getByRole("listitem").filter({ has: page.getByLabel("sn_customerservice.case_fields_to_sync") }),
  ).toContainText("Items (comma-separated): priority, state, comments,");
  await days.fill("many");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("alert")).toHaveText(`${DAYS} must be a whole number, not "many".`);
  await page.reload();
  await expect(page.getByLabel(DAYS)).toHaveValue("7");

  await page.getByLabel(DAYS).fill("10");
  const daysRow = page.getByRole("listitem").filter({ has: page.getByLabel(DAYS) });
  await daysRow.getByRole("button", { name: "Save" }).click();
  await expect(daysRow.getByRole("status")).toHaveText(`${DAYS} saved.`);
  await page.reload();
  await expect(page.getByLabel(DAYS)).toHaveValue("10");
});

test("ROLE-4: non-admins cannot open the properties page", async ({ page }) => {
  await signIn(page, DEMO.manager);
  const res = await page.goto("/admin/properties");
  expect(res?.status()).toBe(404);
  await expect(page.getByText(DAYS)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "System properties" })).toHaveCount(0);
});
