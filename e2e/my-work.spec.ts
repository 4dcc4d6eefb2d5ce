// WRK-1 … WRK-3 as people do them: an admin makes a group, an agent takes a customer's case, the
// customer replies in the portal, the case needs the agent's attention until they open it.
import { expect, test, type Browser, type Page } from "./support/test";
import { DEMO, signIn } from "./support/auth";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

const section = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^${name} \\(`) });

test("WRK-1 / WRK-2 / WRK-3: a group, an assigned case, a customer reply that needs attention until the agent opens it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const groupName = `Escalations ${stamp}`;

  const admin = await signedIn(browser, DEMO.admin);
  await admin
    .getByRole("navigation", { name: "Workspace" })
    .getByRole("link", { name: "Assignment groups" })
    .click();
  await admin.locator("#new-group-name").fill(groupName);
  await admin.locator("#new-group-manager").selectOption({ label: "Morgan Manager" });
  await admin.getByRole("button", { name: "Create group" }).click();
  const card = admin.getByRole("region", { name: groupName });
  await expect(card).toBeVisible();
  await card.getByLabel("Add member").selectOption({ label: "Alex Agent" });
  await card.getByRole("button", { name: "Add", exact: true }).click();
  await expect(card.getByRole("listitem").filter({ hasText: "Alex Agent" })).toBeVisible();

  // The customer opens a case in the portal.
  const customer = await signedIn(browser, DEMO.customer);
  await customer.getByRole("link", { name: "New case" }).click();
  await customer.getByLabel("Short description").fill(`Badge printer offline ${stamp}`);
  await customer.getByLabel("Description", { exact: true }).fill("Since this morning");
  await customer.getByRole("button", { name: "Submit" }).click();
  await expect(customer).toHaveURL(/\/portal\/cases\/CS\d{7}$/);
  const number = customer.url().split("/").pop()!;

  // The agent lands on My work, puts the case in the group and takes it.
  const agent = await signedIn(browser, DEMO.agent);
  await expect(agent).toHaveURL(/\/my-work$/);
  await agent.goto(`/cases/${number}`);
  await agent.getByLabel("Assignment group").selectOption({ label: groupName });
  const assignee = agent.getByLabel("Assigned to");
  await expect(assignee.getByRole("option", { name: "Alex Agent" })).toHaveCount(1);
  await expect(assignee.getByRole("option", { name: "Vic Viewer" })).toHaveCount(0); // not a member
  await assignee.selectOption({ label: "Alex Agent" });
  await agent.getByRole("button", { name: "Save" }).click();
  await expect(agent.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  await agent.goto("/my-work");
  await expect(section(agent, "Assigned to me").getByRole("link", { name: number })).toBeVisible();

  // The customer replies; the case needs the agent's attention, marked in the list.
  await customer.getByLabel("Reply").fill("It shows error E-42 now.");
  await customer.getByRole("button", { name: "Send" }).click();
  await expect(
    customer.getByRole("list", { name: "Activity" }).getByText("It shows error E-42 now."),
  ).toBeVisible();
  // WRK-2: the open page follows without a reload — the navigation's next poll (every 20 s)
  // brings the new count, and the sections are drawn afresh.
  const attention = section(agent, "Needs attention");
  const row = attention.getByRole("row").filter({ hasText: number });
  await expect(row).toContainText("Customer replied", { timeout: 30_000 });
  await expect(
    agent.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: /Needs attention/ }),
  ).not.toContainText("…");

  // Opening the case clears the mark.
  await row.getByRole("link", { name: number }).click();
  await expect(agent.getByRole("heading", { level: 1 })).toContainText(number);
  await agent.goto("/my-work");
  await expect(section(agent, "Needs attention").getByRole("link", { name: number })).toHaveCount(0);
  await expect(
    section(agent, "Assigned to me").getByRole("row").filter({ hasText: number }),
  ).not.toContainText("Customer replied");
});
