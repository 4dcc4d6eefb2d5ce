import { expect, test, type Page } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { createCaseViaForm } from "./support/cases";
import { db } from "./support/db";

// @global: these tests switch settings every other test relies on (business rules, the priority
// lookup, plugins). They run in their own project, after the others, one at a time.
test.describe.configure({ mode: "serial" });

const activity = (page: Page) => page.getByRole("list", { name: "Activity" });

async function menu(page: Page) {
  const button = page.getByRole("button", { name: "Additional actions" });
  if (!(await button.count())) return [];
  await button.click();
  const items = await page
    .getByRole("menu", { name: "Additional actions" })
    .getByRole("menuitem")
    .allInnerTexts();
  await page.keyboard.press("Escape");
  return items;
}

test("@global SYNC-1: an admin deactivates 'Update case worknote for comments change' and comments stop reaching cases", async ({
  browser,
}) => {
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin/business-rules");
  const table = admin.getByRole("table", { name: "Business rules" });
  for (const name of [
    "Update case worknote for state change",
    "Update case worknote for resolution",
    "Update case worknote for comments change",
  ]) {
    await expect(table.getByRole("row").filter({ hasText: name })).toContainText("incident");
  }
  const sw = admin.getByRole("switch", { name: "Active: Update case worknote for comments change" });
  await expect(sw).toHaveAttribute("aria-checked", "true");
  await sw.click();
  await expect(sw).toHaveAttribute("aria-checked", "false");

  const itilCtx = await browser.newContext();
  const itil = await itilCtx.newPage();
  await signIn(itil, DEMO.itil);
  await itil.goto("/incidents/INC0010001");
  const text = `Quiet comment ${Date.now()}`;
  await itil.getByLabel("Additional comments").fill(text);
  await itil.getByRole("button", { name: "Post" }).click();
  await expect(activity(itil)).toContainText(text);

  await sw.click();
  await expect(sw).toHaveAttribute("aria-checked", "true");
  await admin.goto("/cases/CS0001001");
  await expect(activity(admin)).not.toContainText(text);
  await adminCtx.close();
  await itilCtx.close();
});

test("@global INC-5 / ADM-2: an admin edits the Priority Data Lookup", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/priority-lookup");
  const priority = page.getByLabel("Priority for 3 - Low × 3 - Low");
  await expect(priority).toHaveValue("5");
  await priority.selectOption({ label: "4 - Low" });
  const row = page.getByRole("form", { name: "Row 3 - Low × 3 - Low" });
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByLabel("Priority for 3 - Low × 3 - Low")).toHaveValue("4");
  await page.getByLabel("Priority for 3 - Low × 3 - Low").selectOption({ label: "5 - Planning" });
  await page
    .getByRole("form", { name: "Row 3 - Low × 3 - Low" })
    .getByRole("button", { name: "Save" })
    .click();
  await expect(page.getByRole("form", { name: "Row 3 - Low × 3 - Low" }).getByRole("status")).toHaveText(
    "Saved.",
  );
});

test("@global ITSM-5: with a plugin off its menu items, fields and sync disappear", async ({ browser }) => {
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, DEMO.admin);
  const agentCtx = await browser.newContext();
  const agent = await agentCtx.newPage();
  await signIn(agent, DEMO.agent);
  const number = await createCaseViaForm(agent, { shortDescription: `Plugin check ${Date.now()}` });
  expect(await menu(agent)).toContain("Create Request");

  await admin.goto("/admin/plugins");
  const itsm = admin.getByRole("switch", { name: "Active: com.sn_cs_sm", exact: true });
  const requests = admin.getByRole("switch", { name: "Active: com.sn_cs_sm_request" });
  await requests.click();
  await expect(requests).toHaveAttribute("aria-checked", "false");
  await agent.reload();
  expect(await menu(agent)).not.toContain("Create Request");
  await expect(agent.getByRole("region", { name: "Requests" })).toHaveCount(0);

  await itsm.click();
  await expect(itsm).toHaveAttribute("aria-checked", "false");
  await agent.reload();
  // Core case management and the Field Service plugin's item (still active) remain.
  expect(await menu(agent)).toEqual(["Create Work Order", "Propose Major Case"]);
  await expect(agent.getByRole("region", { name: "Related Records" })).toHaveCount(0);
  // Their records are not offered in the navigation either (the server refuses their changes).
  const nav = agent.getByRole("navigation", { name: "Workspace" });
  for (const name of ["Problems", "Changes", "Requests"])
    await expect(nav.getByRole("link", { name, exact: true })).toHaveCount(0);

  // The server refuses, too: the case mail incident's updates stop reaching its case.
  const itilCtx = await browser.newContext();
  const itil = await itilCtx.newPage();
  await signIn(itil, DEMO.itil);
  await itil.goto("/incidents/INC0010001");
  const text = `While the plugin is off ${Date.now()}`;
  await itil.getByLabel("Additional comments").fill(text);
  await itil.getByRole("button", { name: "Post" }).click();
  await expect(activity(itil)).toContainText(text);

  await itsm.click();
  await requests.click();
  await expect(itsm).toHaveAttribute("aria-checked", "true");
  await expect(requests).toHaveAttribute("aria-checked", "true");
  await agent.goto("/cases/CS0001001");
  await expect(activity(agent)).not.toContainText(text);
  await agent.goto(`/cases/${number}`);
  expect(await menu(agent)).toContain("Create Problem");
  await expect(nav.getByRole("link", { name: "Problems", exact: true })).toBeVisible();
  for (const c of [adminCtx, agentCtx, itilCtx]) await c.close();
});

test("@global ITSM-1: an admin retires every template, the action goes; a new template brings it back and is used", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const agentCtx = await browser.newContext();
  const agent = await agentCtx.newPage();
  await signIn(agent, DEMO.agent);
  const number = await createCaseViaForm(agent, { shortDescription: `Template check ${Date.now()}` });
  expect(await menu(agent)).toContain("Create Standard Change");
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, DEMO.admin);
  const live = await db().standardChangeTemplate.findMany({ where: { approved: true, active: true } });
  const name = `Rotate signing keys ${Date.now()}`;
  try {
    await admin.getByRole("navigation").getByRole("link", { name: "Change templates" }).click();
    await expect(admin.getByRole("heading", { name: "Standard change templates" })).toBeVisible();
    // REC-6: another admin saved a template after this page was read: this card's save is refused
    // and says so. Once the page is read again (here: the other cards' saves), the card shows that
    // admin's values — its selects too, so its next save does not send the old ones back.
    const [first, ...rest] = live;
    await db().standardChangeTemplate.update({
      where: { id: first.id },
      data: { description: "Edited by another admin", active: false, version: { increment: 1 } },
    });
    const card = admin.getByRole("form", { name: `Template ${first.name}` });
    await card.getByLabel("Impact").selectOption("1 - High");
    await card.getByRole("button", { name: "Save" }).click();
    await expect(card.getByRole("alert")).toContainText("changed by someone else");
    for (const t of rest) {
      const form = admin.getByRole("form", { name: `Template ${t.name}` });
      await form.getByLabel("Status").selectOption("Inactive");
      await form.getByRole("button", { name: "Save" }).click();
      await expect(form.getByRole("status")).toHaveText("Saved.");
    }
    await expect(card.getByLabel("Description", { exact: true })).toHaveValue("Edited by another admin");
    await expect(card.getByLabel("Status")).toHaveValue("false");
    await expect(card.getByRole("alert")).toHaveCount(0);
    await expect
      .poll(async () => (await agent.goto(`/cases/${number}`)) && menu(agent), { timeout: 30_000 })
      .not.toContain("Create Standard Change");
    expect(await menu(agent)).toContain("Create Normal Change");

    // A new template: a blank short description is refused under its field, then added.
    const add = admin.getByRole("form", { name: "New template" });
    await add.getByLabel("Name").fill(name);
    await add.getByRole("button", { name: "Add template" }).click();
    await expect(add.getByText("Short description is required.")).toBeVisible();
    await add.getByLabel("Short description").fill("Rotate the API signing keys");
    await add.getByLabel("Impact").selectOption("2 - Medium");
    await add.getByRole("button", { name: "Add template" }).click();
    await expect(add.getByRole("status")).toHaveText(`Template "${name}" added.`);
    await expect(add.getByLabel("Name")).toHaveValue("");
    await expect(admin.getByRole("heading", { name })).toBeVisible();

    await expect
      .poll(async () => (await agent.goto(`/cases/${number}`)) && menu(agent), { timeout: 30_000 })
      .toContain("Create Standard Change");
    await agent.getByRole("button", { name: "Additional actions" }).click();
    await agent.getByRole("menuitem", { name: "Create Standard Change" }).click();
    const dialog = agent.getByRole("dialog", { name: "Create Standard Change" });
    await expect(dialog.getByLabel("Template").getByRole("option")).toHaveText([
      "— Pick an approved template —",
      name,
    ]);
    await dialog.getByLabel("Template").selectOption({ label: name });
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(dialog).toBeHidden();
    const change = await db().changeRequest.findFirstOrThrow({ where: { template: { name } } });
    expect(change).toMatchObject({
      type: "standard",
      shortDescription: "Rotate the API signing keys",
      impact: 2,
    });
    await admin.reload();
    await expect(admin.getByRole("form", { name: `Template ${name}` }).locator("..")).toContainText(
      "1 change made from it",
    );
  } finally {
    await db().standardChangeTemplate.updateMany({
      where: { id: { in: live.map((t) => t.id) } },
      data: { active: true },
    });
    await db().standardChangeTemplate.update({
      where: { id: live[0].id },
      data: { description: live[0].description },
    });
    await db().standardChangeTemplate.updateMany({ where: { name }, data: { active: false } });
  }
  // That case has its change now (one per case): another shows the action again.
  const other = await createCaseViaForm(agent, { shortDescription: `Template check ${Date.now()}` });
  await expect
    .poll(async () => (await agent.goto(`/cases/${other}`)) && menu(agent), { timeout: 30_000 })
    .toContain("Create Standard Change");
  await agentCtx.close();
  await adminCtx.close();
});
