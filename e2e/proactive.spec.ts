import { expect, test, type Page } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { makeAccounts } from "./support/db";
import { createIncidentViaForm } from "./support/incidents";

// PRO-1, PRO-2, ADM-1, ADM-2: affected accounts, Create Proactive Cases on both sides of the
// threshold, and the field maps page.
const THRESHOLD = "major_case_affected_account_threshold";

async function addAffected(page: Page, name: string) {
  const section = page.getByRole("region", { name: "Affected accounts" });
  await section.getByRole("combobox", { name: "Add affected account" }).fill(name);
  await page.getByRole("option", { name }).click();
  await section.getByRole("button", { name: "Add", exact: true }).click();
  await expect(section.getByRole("status")).toHaveText(`${name} added.`);
  await expect(section.getByRole("cell", { name, exact: true })).toBeVisible();
}

async function setThreshold(page: Page, value: string) {
  await page.goto("/admin/properties");
  await page.getByLabel(THRESHOLD).fill(value);
  const row = page.getByRole("listitem").filter({ has: page.getByLabel(THRESHOLD) });
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("status")).toHaveText(/saved\.|No change\./);
}

test("PRO-1: an itil user adds affected accounts and creates proactive cases below the threshold", async ({
  page,
}) => {
  const [a, b, c] = await makeAccounts(3);
  await signIn(page, DEMO.itil);
  await createIncidentViaForm(page, {
    shortDescription: `Proactive below ${Date.now()}`,
    description: "Mail servers are down",
  });
  const section = page.getByRole("region", { name: "Affected accounts" });
  // Offered once there is an account to run for.
  await expect(section.getByText("No affected accounts.")).toBeVisible();
  await expect(section.getByRole("button", { name: "Create Proactive Cases" })).toHaveCount(0);
  for (const name of [a, b, c]) await addAffected(page, name);
  await section.getByRole("row").filter({ hasText: c }).getByRole("button", { name: "Remove" }).click();
  await expect(section.getByRole("cell", { name: c, exact: true })).toHaveCount(0);

  await section.getByRole("button", { name: "Create Proactive Cases" }).click();
  await expect(section.getByRole("status")).toHaveText("Created 2 cases; 0 accounts already had one");
  await section.getByRole("button", { name: "Create Proactive Cases" }).click();
  await expect(section.getByRole("status")).toHaveText("Created 0 cases; 2 accounts already had one");

  const link = section
    .getByRole("row")
    .filter({ hasText: a })
    .getByRole("link", { name: /^CS\d+$/ });
  await link.click();
  await expect(page).toHaveURL(/\/cases\/CS\d+$/);
  await expect(page.getByText(a).first()).toBeVisible();
});

test("@global PRO-1, ADM-1: above the threshold an admin set, one major case with a child per account", async ({
  browser,
}) => {
  const names = await makeAccounts(3);
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, DEMO.admin);
  await setThreshold(admin, "3");
  try {
    const itilCtx = await browser.newContext();
    const page = await itilCtx.newPage();
    await signIn(page, DEMO.itil);
    await createIncidentViaForm(page, {
      shortDescription: `Proactive above ${Date.now()}`,
      description: "Mail servers are down",
    });
    for (const name of names) await addAffected(page, name);
    const section = page.getByRole("region", { name: "Affected accounts" });
    await section.getByRole("button", { name: "Create Proactive Cases" }).click();
    await expect(section.getByRole("status")).toHaveText(
      /^Created 4 cases \(major case CS\d+ with its children\); 0 accounts already had one$/,
    );
    const major = section.getByRole("link", { name: /^CS\d+$/ }).first();
    await expect(section.getByText("Proactive major case:")).toBeVisible();
    await major.click();
    await expect(page).toHaveURL(/\/cases\/CS\d+$/);
    await itilCtx.close();
  } finally {
    await setThreshold(admin, "5");
    await adminCtx.close();
  }
});

test("@global ADM-2: an admin edits a field map, and a bad row is refused naming the field", async ({
  page,
}) => {
  await signIn(page, DEMO.admin);
  await page.getByRole("link", { name: "Field maps" }).click();
  await expect(page).toHaveURL(/\/admin\/field-maps$/);
  const add = page.getByRole("form", { name: "Add a row to Incident → Case (Create Proactive Cases)" });
  await add.getByLabel("Constant value for the new row").fill("9");
  await add.getByLabel("Target field for the new row").selectOption("priority");
  await add.getByRole("button", { name: "Add row" }).click();
  await expect(add.getByRole("alert")).toHaveText(
    'Constant for Priority: "9" is not a choice of 1, 2, 3, 4.',
  );

  const row = page.getByRole("form", { name: "Row work order description" });
  await row.getByLabel("Order for work order description").fill("850");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByLabel("Order for work order description")).toHaveValue("850");
  const again = page.getByRole("form", { name: "Row work order description" });
  await again.getByLabel("Order for work order description").fill("800");
  await again.getByRole("button", { name: "Save" }).click();
  await expect(again.getByRole("status")).toHaveText("Saved.");
});
