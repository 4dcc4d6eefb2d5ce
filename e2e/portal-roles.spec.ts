import { expect, test, type Browser, type Page } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { makeUser } from "./support/db";

// ROLE-3 / POR-1 / POR-3 in the browser: each external role sees exactly its cases and work orders.
// Demo cases: CS0001001 (Acme, contact Carol), CS0001002 (consumer Connie), CS0001003 (Globex),
// CS0001005 (Acme, contact Carol, partner contact Pat of Initech, which is related to Acme and Globex).

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/** Additional actions → Create Work Order on a demo case; returns the work order number. */
async function workOrderFor(page: Page, caseNumber: string) {
  await page.goto(`/cases/${caseNumber}`);
  await page.getByRole("button", { name: "Additional actions" }).click();
  await page.getByRole("menuitem", { name: "Create Work Order" }).click();
  await expect(page).toHaveURL(/\/work-orders\/WO\d{7}$/);
  return page.url().split("/").pop()!;
}

/** Whether `number` is listed when the user searches the portal page `path` for it. */
async function listed(page: Page, path: string, number: string) {
  await page.goto(`${path}?q=${number}`);
  await expect(page.getByRole("main")).toBeVisible();
  return (await page.getByRole("main").getByRole("link", { name: number, exact: true }).count()) > 0;
}

test("ROLE-3 / POR-1 / POR-3: every external role sees exactly its cases and work orders", async ({
  browser,
}) => {
  test.setTimeout(240_000); // every external role signs in and reads its lists: many pages (102 s on a slow machine)
  const { context: agentCtx, page: agent } = await signedIn(browser, DEMO.agent);
  const wo: Record<string, string> = {};
  for (const c of ["CS0001001", "CS0001002", "CS0001003", "CS0001005"]) wo[c] = await workOrderFor(agent, c);

  const expected: [string, string[], string[]][] = [
    [DEMO.customer, ["CS0001001", "CS0001005"], ["CS0001002", "CS0001003"]],
    [DEMO.customerAdmin, ["CS0001001", "CS0001005"], ["CS0001002", "CS0001003"]],
    [DEMO.partner, ["CS0001005"], ["CS0001001", "CS0001002", "CS0001003"]],
    // Initech is related to Acme and Globex (demo seed).
    [DEMO.partnerAdmin, ["CS0001001", "CS0001003", "CS0001005"], ["CS0001002"]],
    [DEMO.consumer, ["CS0001002"], ["CS0001001", "CS0001003", "CS0001005"]],
  ];
  for (const [email, sees, hidden] of expected) {
    const { context, page } = await signedIn(browser, email);
    await expect(page.getByRole("link", { name: "Work Orders" })).toBeVisible();
    for (const c of sees) {
      expect(await listed(page, "/portal", c), `${email} lists ${c}`).toBe(true);
      expect(await listed(page, "/portal/work-orders", wo[c]), `${email} lists ${wo[c]}`).toBe(true);
    }
    for (const c of hidden) {
      expect(await listed(page, "/portal", c), `${email} does not list ${c}`).toBe(false);
      expect(await listed(page, "/portal/work-orders", wo[c]), `${email} does not list ${wo[c]}`).toBe(false);
      // By number, another account's case and work order answer like a missing one (POR-4).
      const response = await page.goto(`/portal/work-orders/${wo[c]}`);
      expect(response?.status(), `${email} opens ${wo[c]}`).toBe(404);
    }
    // A visible work order shows its tasks and appointment windows.
    await page.goto(`/portal/work-orders/${wo[sees[0]]}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(wo[sees[0]]);
    await expect(page.getByText(/^WOT\d{7}$/).first()).toBeVisible();
    await context.close();
  }
  await agentCtx.close();
});

test("FSM-5 / POR-3: a customer requests a work order with an appointment window on their own case", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, DEMO.customer);
  await page.getByRole("link", { name: "New case" }).click();
  await page.getByLabel("Short description").fill(`Broken door lock ${Date.now()}`);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page).toHaveURL(/\/portal\/cases\/CS\d{7}$/);
  await page.getByRole("button", { name: "Request a work order" }).click();
  const form = page.locator("form", { has: page.getByLabel("Window start") });
  await form.getByLabel("Description").fill("Please replace the lock on the back door.");
  // A visit still to come: next year's 2 December, whenever the test runs.
  const year = new Date().getUTCFullYear() + 1;
  await form.getByLabel("Window start").fill(`${year}-12-02T09:00`);
  await form.getByLabel("Window end").fill(`${year}-12-02T08:00`);
  await form.getByRole("button", { name: "Request a work order" }).click();
  await expect(form.getByText("The appointment window must end after it starts.").first()).toBeVisible();
  await form.getByLabel("Window end").fill(`${year}-12-02T12:00`);
  await form.getByRole("button", { name: "Request a work order" }).click();
  const requested = form.getByText(/WO\d{7}/).first();
  await expect(requested).toBeVisible();
  const number = /WO\d{7}/.exec((await requested.textContent())!)![0];
  await page.goto(`/portal/work-orders/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  await expect(page.getByRole("main")).toContainText("Awaiting Qualification");
  await context.close();
});

test("ROLE-3: an external user without a portal role is told so, and offered no page that would be 'not found'", async ({
  page,
}) => {
  const cut = await makeUser(["snc_external"], "Cut Off Consumer", "consumer");
  await signIn(page, cut.email, cut.password);
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByText("Your account has no access to cases yet.")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Portal" });
  await expect(nav.getByRole("link")).toHaveText(["Cases"]);
  // The pages themselves still answer "not found" (the links were the only way there).
  expect((await page.goto("/portal/cases/new"))?.status()).toBe(404);
});
