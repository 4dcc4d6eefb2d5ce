import { expect, test } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { createIncidentViaForm } from "./support/incidents";

test("INC-8 / INC-5: an itil user works the incident form; impact and urgency set the priority", async ({
  page,
}) => {
  await signIn(page, DEMO.itil);
  await createIncidentViaForm(page, { shortDescription: `Queue stuck ${Date.now()}` });
  await expect(page.getByText("5 - Planning").first()).toBeVisible();

  await page.getByLabel("Impact").selectOption({ label: "1 - High" });
  await page.getByLabel("Urgency").selectOption({ label: "2 - Medium" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Incident saved.");
  await expect(page.getByText("2 - High").first()).toBeVisible();

  await page.getByLabel("State").selectOption({ label: "On Hold" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(
    page.getByText("On hold reason is required to put an incident On Hold.").first(),
  ).toBeVisible();
  await page.getByLabel("On hold reason").selectOption({ label: "Awaiting Vendor" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Incident saved.");
  await expect(page.getByLabel("State")).toHaveValue("3");
  await expect(page.getByLabel("On hold reason")).toHaveValue("4");

  await page.getByLabel("State").selectOption({ label: "Resolved" });
  await page.getByLabel("Resolution code").selectOption("Solution provided");
  await page.getByLabel("Resolution notes").fill("Vendor shipped a patch.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("State")).toHaveValue("6");
  await expect(page.getByRole("list", { name: "History" })).toContainText("State: On Hold → Resolved");

  await page.getByLabel("Additional comments").fill("Patched and verified.");
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("Patched and verified.");
});

test("INC-8: the incident form lists its customer cases", async ({ page }) => {
  await signIn(page, DEMO.itil);
  await page.goto("/incidents/INC0010001");
  const cases = page.getByRole("table", { name: "Customer Cases" });
  await expect(cases).toContainText("CS0001001");
  await expect(cases).toContainText("Acme Corporation");
});

test("ROLE-1: an agent with incident read sees incidents but cannot change them", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await page.goto("/incidents/INC0010001");
  await expect(page.getByLabel("State")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Post" })).toHaveCount(0);
});
