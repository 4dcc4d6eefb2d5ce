import { expect, test, type Page } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { createCaseViaForm } from "./support/cases";
import { makeUser } from "./support/db";

/** The incident items of the Additional actions menu (the ITSM items come with issue 4's tests). */
async function menuItems(page: Page) {
  await page.getByRole("button", { name: "Additional actions" }).click();
  const items = await page
    .getByRole("menu", { name: "Additional actions" })
    .getByRole("menuitem")
    .allInnerTexts();
  await page.keyboard.press("Escape");
  return items.filter((i) => i.includes("Incident"));
}

const activity = (page: Page) => page.getByRole("list", { name: "Activity" });

test("INC-1 / INC-2 / INC-5 / INC-6 / INC-7: the agent creates an incident; the itil user's updates reach the case work notes", async ({
  browser,
}) => {
  const agentCtx = await browser.newContext();
  const itilCtx = await browser.newContext();
  const agent = await agentCtx.newPage();
  const itil = await itilCtx.newPage();

  await signIn(agent, DEMO.agent);
  const caseNumber = await createCaseViaForm(agent, {
    shortDescription: `Checkout page times out ${Date.now()}`,
    account: "Acme Corporation",
    contact: "Carol Customer",
    priority: "2 - High",
  });
  expect(await menuItems(agent)).toEqual(["Create Incident", "Associate Incident"]);

  await agent.getByRole("button", { name: "Additional actions" }).click();
  await agent.getByRole("menuitem", { name: "Create Incident" }).click();
  const incidentLink = agent
    .getByRole("region", { name: "Related Records" })
    .getByRole("link", { name: /^INC\d{7}$/ });
  await expect(incidentLink).toBeVisible();
  const incidentNumber = (await incidentLink.textContent())!;
  await expect(activity(agent)).toContainText(`Incident ${incidentNumber} created from this case.`);
  expect(await menuItems(agent)).toEqual(["Remove Incident"]);

  await signIn(itil, DEMO.itil);
  await itil.goto(`/incidents/${incidentNumber}`);
  await expect(itil.getByText("2 - High").first()).toBeVisible();
  await expect(itil.getByLabel("Impact")).toHaveValue("1");
  await expect(itil.getByLabel("Urgency")).toHaveValue("2");
  await expect(itil.getByText("Suppressed — the case owns the conversation")).toBeVisible();
  await expect(itil.getByRole("table", { name: "Customer Cases" })).toContainText(caseNumber);

  await itil.getByLabel("State").selectOption({ label: "On Hold" });
  await itil.getByLabel("On hold reason").selectOption({ label: "Awaiting Vendor" });
  await itil.getByRole("button", { name: "Save" }).click();
  await expect(itil.getByRole("status")).toHaveText("Incident saved.");
  await itil.getByLabel("Additional comments").fill("The vendor has a patch ready for tonight.");
  await itil.getByRole("button", { name: "Post" }).click();
  await expect(activity(itil)).toContainText("The vendor has a patch ready for tonight.");
  await itil.getByLabel("State").selectOption({ label: "Resolved" });
  await itil.getByLabel("Resolution code").selectOption("Solution provided");
  await itil.getByLabel("Resolution notes").fill("Vendor patch installed; checkout responds in 300 ms.");
  await itil.getByRole("button", { name: "Save" }).click();
  await expect(itil.getByLabel("State")).toHaveValue("6");

  await agent.reload();
  const notes = activity(agent).getByRole("listitem");
  await expect(notes.nth(0)).toContainText(`Incident ${incidentNumber} resolved.`);
  await expect(notes.nth(0)).toContainText("Resolution code: Solution provided");
  await expect(notes.nth(0)).toContainText(
    "Resolution notes: Vendor patch installed; checkout responds in 300 ms.",
  );
  await expect(notes.nth(1)).toContainText("additional comment from Ian Fulfiller");
  await expect(notes.nth(1)).toContainText("The vendor has a patch ready for tonight.");
  await expect(notes.nth(2)).toContainText("state changed: New → On Hold");
  await expect(notes.nth(2)).toContainText("On hold reason: Awaiting Vendor");
  for (const i of [0, 1, 2]) {
    await expect(notes.nth(i).getByRole("link", { name: incidentNumber })).toHaveAttribute(
      "href",
      `/incidents/${incidentNumber}`,
    );
  }
  await expect(notes.nth(1)).toContainText("Update case worknote for comments change");

  await agentCtx.close();
  await itilCtx.close();
});

test("INC-3 / INC-4: Associate Incident searches open incidents; Remove Incident unlinks it", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  await createCaseViaForm(page, { shortDescription: `Payroll export missing ${Date.now()}` });
  await page.getByRole("button", { name: "Additional actions" }).click();
  await page.getByRole("menuitem", { name: "Associate Incident" }).click();
  const dialog = page.getByRole("dialog", { name: "Associate Incident" });
  await dialog.getByRole("combobox", { name: "Incident" }).fill("Printer");
  await expect(dialog.getByRole("option")).toHaveCount(0); // the printer incident is resolved: not offered
  await dialog.getByRole("combobox", { name: "Incident" }).fill("Payroll");
  await dialog.getByRole("option", { name: /INC0010002/ }).click();
  await dialog.getByRole("button", { name: "Associate" }).click();
  const related = page.getByRole("region", { name: "Related Records" });
  await expect(related.getByRole("link", { name: "INC0010002" })).toBeVisible();
  await expect(activity(page)).toContainText("Associated with incident INC0010002.");
  expect(await menuItems(page)).toEqual(["Remove Incident"]);

  // Remove Incident asks first: dismissed, nothing changes.
  const removeDialog = page.getByRole("dialog", { name: "Remove Incident" });
  await page.getByRole("button", { name: "Additional actions" }).click();
  await page.getByRole("menuitem", { name: "Remove Incident" }).click();
  await expect(removeDialog).toContainText(/Remove incident INC0010002 from case CS\d{7}\?/);
  await removeDialog.getByRole("button", { name: "Dismiss" }).click();
  await expect(removeDialog).toHaveCount(0);
  await expect(related.getByRole("link", { name: "INC0010002" })).toBeVisible();
  await page.getByRole("button", { name: "Additional actions" }).click();
  await page.getByRole("menuitem", { name: "Remove Incident" }).click();
  await removeDialog.getByRole("button", { name: "Remove Incident" }).click();
  await expect(related.getByRole("link", { name: "INC0010002" })).toHaveCount(0);
  await expect(activity(page)).toContainText("Incident INC0010002 removed from this case.");
  expect(await menuItems(page)).toEqual(["Create Incident", "Associate Incident"]);
});

test("ROLE-1: an agent with only sn_incident_read sees the incident but no incident items", async ({
  page,
}) => {
  await signIn(page, DEMO.viewer);
  await page.goto("/cases/CS0001001");
  await expect(
    page.getByRole("region", { name: "Related Records" }).getByRole("link", { name: "INC0010001" }),
  ).toBeVisible();
  expect(await menuItems(page)).toEqual([]);
});

test("ROLE-1: an agent without incident roles does not see the Incident field or incident records", async ({
  page,
}) => {
  const user = await makeUser(["sn_customerservice_agent"], "Nora No-Incidents");
  await signIn(page, user.email, user.password);
  await page.goto("/cases/CS0001001");
  const related = page.getByRole("region", { name: "Related Records" });
  await expect(related.getByText("Problem", { exact: true })).toBeVisible();
  await expect(related.getByText("Incident", { exact: true })).toHaveCount(0);
  await expect(related).not.toContainText("INC0010001");
  await expect(page.getByRole("list", { name: "History" })).not.toContainText("INC0010001");
  // The case's work notes still say what happened, but lead to no incident record.
  await expect(activity(page)).toContainText("Incident INC0010001 state changed");
  await expect(page.getByRole("link", { name: "INC0010001" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Incidents" })).toHaveCount(0);
  expect(await menuItems(page)).toEqual([]);
  expect((await page.goto("/incidents/INC0010001"))?.status()).toBe(404);
});

test("INC-7 / REL-4: the admin sees the suppressed caller mails in the outbox", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/outbox?status=suppressed");
  const rows = page.getByRole("table", { name: "Outbox messages" }).getByRole("row");
  await expect(rows.nth(1)).toContainText("customer@acme.example");
  await expect(rows.nth(1)).toContainText("suppressed");
  await expect(rows.nth(1)).toContainText("the customer is informed through the case");
});
