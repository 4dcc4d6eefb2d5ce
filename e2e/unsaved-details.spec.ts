import { expect, test } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { createCaseViaForm } from "./support/cases";

test("REC-6 / WRK-6: unsaved Details edits are not lost to another change of the case, a link or a shortcut — the agent keeps editing or discards", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  const number = await createCaseViaForm(page, { shortDescription: `Unsaved details ${Date.now()}` });
  const details = page.getByRole("form", { name: "Case details" });
  const description = details.getByLabel("Description", { exact: true });
  const guard = page.getByRole("dialog", { name: "Unsaved changes in Details" });

  await description.fill("Half-written diagnosis");
  // An Additional action would save the case and re-render Details: held.
  await page.getByRole("button", { name: "Additional actions" }).click();
  await expect(guard).toBeVisible();
  await guard.getByRole("button", { name: "Keep editing" }).click();
  await expect(guard).toBeHidden();
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(description).toHaveValue("Half-written diagnosis");

  // A link away: held too.
  await page.getByRole("navigation").getByRole("link", { name: "Cases", exact: true }).first().click();
  await expect(guard).toBeVisible();
  await guard.getByRole("button", { name: "Keep editing" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${number}$`));

  // A keyboard shortcut away (WRK-6's g m), pressed outside any field: held too.
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("g");
  await page.keyboard.press("m");
  await expect(guard).toBeVisible();
  await guard.getByRole("button", { name: "Keep editing" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${number}$`));
  await expect(description).toHaveValue("Half-written diagnosis");

  // Discard: the held click goes on (Accept), and Details shows what is stored.
  await page.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(guard).toBeVisible();
  await guard.getByRole("button", { name: "Discard changes" }).click();
  await expect(details.getByLabel("State")).toHaveValue("10");
  await expect(description).not.toHaveValue("Half-written diagnosis");

  // Saved edits leave nothing to hold.
  await description.fill("Router replaced");
  await details.getByRole("button", { name: "Save" }).click();
  await expect(details.getByRole("status")).toContainText(/saved/i);
  await page.getByRole("button", { name: "Additional actions" }).click();
  await expect(page.getByRole("menuitem", { name: "Create Incident" })).toBeVisible();
  await expect(guard).toHaveCount(0);
});
