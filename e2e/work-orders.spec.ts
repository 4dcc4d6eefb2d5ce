import { expect, test, type Page } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { createCaseViaForm } from "./support/cases";

const details = (page: Page) => page.getByRole("form", { name: "Work order details" });
const task = (page: Page, number: string) => page.getByRole("form", { name: `Task ${number}` });

async function useMenu(page: Page, item: string) {
  await page.getByRole("button", { name: "Additional actions" }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

/** Moves the work order to a state through its form; waits for the saved version. */
async function setState(page: Page, label: string) {
  const version = details(page).locator('input[name="version"]');
  const before = await version.inputValue();
  await details(page).getByLabel("State").selectOption({ label });
  await details(page).getByRole("button", { name: "Save" }).click();
  await expect(version).not.toHaveValue(before);
  await expect(details(page).getByLabel("State").locator("option:checked")).toHaveText(label);
}

/** Saves a task's state and waits until the page shows the saved task (a closed task turns read-only). */
async function setTaskState(page: Page, number: string, label: string) {
  const form = task(page, number);
  const version = form.locator('input[name="version"]');
  const before = await version.inputValue();
  await form.getByLabel("State").selectOption({ label });
  await form.getByRole("button", { name: "Save task" }).click();
  if (["Closed Complete", "Closed Incomplete", "Canceled"].includes(label))
    await expect(page.getByRole("listitem", { name: `Task ${number}` })).toContainText(label);
  else await expect(version).not.toHaveValue(before);
}

test("FSM-1 / FSM-2 / FSM-3: an agent creates a work order from a case; an itil user schedules and works it; the case follows", async ({
  browser,
}) => {
  const agentCtx = await browser.newContext();
  const itilCtx = await browser.newContext();
  const agent = await agentCtx.newPage();
  const itil = await itilCtx.newPage();
  await signIn(agent, DEMO.agent);
  await signIn(itil, DEMO.itil);

  const caseNumber = await createCaseViaForm(agent, {
    shortDescription: `Printer needs an engineer ${Date.now()}`,
    account: "Acme Corporation",
    contact: "Carol Customer",
    priority: "2 - High",
  });
  await useMenu(agent, "Create Work Order");
  await expect(agent).toHaveURL(/\/work-orders\/WO\d{7}$/);
  const number = agent.url().split("/").pop()!;
  await expect(agent.getByRole("heading", { level: 1 })).toContainText(number);
  await expect(
    agent.getByRole("region", { name: "Summary" }).getByRole("link", { name: caseNumber }),
  ).toBeVisible();
  // The mapped fields, and Company / Caller following Account / Contact (FSM-2).
  await expect(details(agent).getByLabel("Account", { exact: true }).locator("option:checked")).toHaveText(
    "Acme Corporation",
  );
  await expect(details(agent).getByLabel("Company")).toHaveValue("Acme Corporation");
  await expect(details(agent).getByLabel("Contact", { exact: true }).locator("option:checked")).toHaveText(
    "Carol Customer",
  );
  await expect(details(agent).getByLabel("Caller")).toHaveValue("Carol Customer");
  await expect(details(agent).getByLabel("Priority")).toHaveValue("2");
  await expect(details(agent).getByRole("group", { name: "Case view" })).toBeVisible();
  await expect(details(agent).getByRole("button", { name: "Save" })).toHaveCount(0); // agents view (FSM-5)

  await itil.goto(`/work-orders/${number}`);
  const tasks = itil.getByRole("region", { name: "Tasks" });
  const first = (await tasks
    .getByText(/^WOT\d{7}$/)
    .first()
    .textContent())!;
  await tasks.locator("summary", { hasText: "Add task" }).click();
  const add = itil.getByRole("form", { name: "Add task" });
  await add.getByLabel("Task short description").fill("Replace the fuser unit");
  await add.getByLabel("Assigned to").selectOption({ label: "Ian Fulfiller" });
  await add.getByLabel("Window start (UTC)").fill("2026-12-01T09:00");
  await add.getByLabel("Window end (UTC)").fill("2026-12-01T08:00");
  await add.getByRole("button", { name: "Add task" }).click();
  await expect(add.getByText("The appointment window must end after it starts.").first()).toBeVisible();
  await add.getByLabel("Window end (UTC)").fill("2026-12-01T11:00");
  await add.getByRole("button", { name: "Add task" }).click();
  await expect(tasks.getByText(/^WOT\d{7}$/)).toHaveCount(2);
  const second = (await tasks
    .getByText(/^WOT\d{7}$/)
    .nth(1)
    .textContent())!;
  await expect(task(itil, second).getByLabel("Window start (UTC)")).toHaveValue("2026-12-01T09:00");

  for (const s of ["Qualified", "Ready for Dispatch", "Assigned", "Accepted", "Work in Progress"])
    await setState(itil, s);
  // FSM-3 / REC-3: with tasks open the State select does not offer Closed Complete (the save refuses it).
  const offered = details(itil).getByLabel("State").locator("option");
  await expect(offered).toHaveText(["Work in Progress", "Closed Incomplete"]);
  await setTaskState(itil, first, "Canceled");
  await setTaskState(itil, second, "Accepted");
  await setTaskState(itil, second, "Work in Progress");
  await setTaskState(itil, second, "Closed Complete");
  await itil.getByRole("button", { name: "Close work order" }).click();
  await expect(itil.getByRole("heading", { level: 1 }).locator("..")).toContainText("Closed Complete");

  await agent.goto(`/cases/${caseNumber}`);
  const section = agent.getByRole("region", { name: "Work Orders" });
  await expect(section.getByRole("link", { name: number })).toBeVisible();
  await expect(section).toContainText("Closed Complete");
  await expect(section).toContainText("High");
  const activity = agent.getByRole("list", { name: "Activity" });
  await expect(activity).toContainText(`Work order ${number} state changed: Draft → Qualified`);
  await expect(activity).toContainText(
    `Work order ${number} state changed: Work in Progress → Closed Complete`,
  );
  await agent.goto("/work-orders?state=all&q=" + number);
  await expect(agent.getByRole("link", { name: number })).toBeVisible();
  for (const c of [agentCtx, itilCtx]) await c.close();
});

test("@global FSM-1: with the Field Service plugin off the menu item, the case section and the sync rule disappear", async ({
  browser,
}) => {
  const adminCtx = await browser.newContext();
  const agentCtx = await browser.newContext();
  const customerCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  const agent = await agentCtx.newPage();
  const customer = await customerCtx.newPage();
  await signIn(admin, DEMO.admin);
  await signIn(agent, DEMO.agent);
  await signIn(customer, DEMO.customer);
  const portalNav = customer.getByRole("navigation", { name: "Portal" });
  await expect(portalNav.getByRole("link", { name: "Work Orders" })).toBeVisible();
  const caseNumber = await createCaseViaForm(agent, { shortDescription: `FSM plugin ${Date.now()}` });
  await expect(agent.getByRole("region", { name: "Work Orders" })).toBeVisible();
  await admin.goto("/admin/plugins");
  const fsm = admin.getByRole("switch", { name: "Active: com.snc.csm_fsm_integration" });
  await fsm.click();
  await expect(fsm).toHaveAttribute("aria-checked", "false");
  try {
    await agent.reload();
    await expect(agent.getByRole("region", { name: "Work Orders" })).toHaveCount(0);
    await agent.getByRole("button", { name: "Additional actions" }).click();
    await expect(agent.getByRole("menuitem", { name: "Create Work Order" })).toHaveCount(0);
    await agent.keyboard.press("Escape");
    await expect(agent.getByRole("link", { name: "Work Orders" })).toHaveCount(0);
    await admin.goto("/admin/business-rules");
    await expect(admin.getByText("Update case worknote for work order state change")).toHaveCount(0);
    // POR-3: the portal's header offers no Work Orders page that would answer "not found".
    await customer.reload();
    await expect(portalNav.getByRole("link", { name: "Cases" })).toBeVisible();
    await expect(portalNav.getByRole("link", { name: "Work Orders" })).toHaveCount(0);
  } finally {
    await admin.goto("/admin/plugins");
    await fsm.click();
    await expect(fsm).toHaveAttribute("aria-checked", "true");
  }
  await agent.goto(`/cases/${caseNumber}`);
  await expect(agent.getByRole("region", { name: "Work Orders" })).toBeVisible();
  for (const c of [adminCtx, agentCtx, customerCtx]) await c.close();
});

test("FSM-5: an agent sets, moves and cancels a task's appointment window and adds a work note; the rest stays the fulfillers'", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  await createCaseViaForm(page, {
    shortDescription: `Agent books the engineer ${Date.now()}`,
    account: "Acme Corporation",
    contact: "Carol Customer",
  });
  await useMenu(page, "Create Work Order");
  await expect(page).toHaveURL(/\/work-orders\/WO\d{7}$/);
  const tasks = page.getByRole("region", { name: "Tasks" });
  const number = (await tasks
    .getByText(/^WOT\d{7}$/)
    .first()
    .textContent())!;
  const form = task(page, number);
  // State, technician and Add task are the fulfillers'; the window is the agent's too.
  await expect(form.getByLabel("State")).toHaveCount(0);
  await expect(form.getByLabel("Assigned to")).toHaveCount(0);
  await expect(tasks.locator("summary", { hasText: "Add task" })).toHaveCount(0);
  await form.getByLabel("Window start (UTC)").fill("2026-12-03T09:00");
  await form.getByLabel("Window end (UTC)").fill("2026-12-03T08:00");
  await form.getByRole("button", { name: "Save appointment" }).click();
  await expect(form.getByText("The appointment window must end after it starts.").first()).toBeVisible();
  await form.getByLabel("Window end (UTC)").fill("2026-12-03T11:00");
  await form.getByRole("button", { name: "Save appointment" }).click();
  await expect(form).toContainText("3 Dec 2026, 09:00 – 11:00");
  // The task's new version does not wipe what the save answered.
  await expect(form.getByRole("status")).toHaveText(`Task ${number} saved.`);

  // Moved, and still there after a reload.
  await form.getByLabel("Window start (UTC)").fill("2026-12-04T13:00");
  await form.getByLabel("Window end (UTC)").fill("2026-12-04T15:00");
  await form.getByRole("button", { name: "Save appointment" }).click();
  await expect(form).toContainText("4 Dec 2026, 13:00 – 15:00");
  await page.reload();
  await expect(task(page, number).getByLabel("Window start (UTC)")).toHaveValue("2026-12-04T13:00");

  await task(page, number).getByRole("button", { name: "Cancel appointment" }).click();
  await expect(task(page, number)).toContainText("No appointment window");
  await expect(task(page, number).getByLabel("Window start (UTC)")).toHaveValue("");

  const note = `Customer asked for an afternoon visit ${Date.now()}`;
  await page.getByLabel("Work notes").fill(note);
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("list", { name: "Activity" })).toContainText(note);
  await expect(details(page).getByRole("button", { name: "Save" })).toHaveCount(0);
});
