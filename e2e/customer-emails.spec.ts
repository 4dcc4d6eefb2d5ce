// NOT-1 as people do it: a customer opens a case in the portal and is acknowledged; the agent asks
// for information through Request Info (the question is required); the customer's email carries the
// question; an admin edits a case email, and an unknown placeholder is refused by name.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { db } from "./support/db";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

const mailsOf = (number: string) =>
  db().outboxMessage.findMany({
    where: { sourceTable: "sn_customerservice_case", subject: { contains: number } },
    orderBy: { id: "asc" },
  });

test("NOT-1: a portal case is acknowledged; Request Info asks its question, which the customer's email carries", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const customer = await signedIn(browser, DEMO.customer);
  await customer.getByRole("link", { name: "New case" }).click();
  await customer.getByLabel("Short description").fill(`Scanner jams ${stamp}`);
  await customer.getByLabel("Description", { exact: true }).fill("Every third page");
  await customer.getByRole("button", { name: "Submit" }).click();
  await expect(customer).toHaveURL(/\/portal\/cases\/CS\d{7}$/);
  const number = customer.url().split("/").pop()!;
  expect((await mailsOf(number)).map((m) => [m.event, m.recipient])).toEqual([
    ["case.opened", DEMO.customer],
  ]);

  const agent = await signedIn(browser, DEMO.agent);
  await agent.goto(`/cases/${number}`);
  await agent.getByRole("button", { name: "Accept" }).click();
  await expect(agent.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await agent.getByRole("button", { name: "Request Info" }).click();
  const dialog = agent.getByRole("dialog", { name: "Request info" });
  await dialog.getByRole("button", { name: "Request Info" }).click();
  await expect(dialog.getByText("Question is required")).toBeVisible();
  const question = `Which scanner model is it, and which tray? ${stamp}`;
  await dialog.getByLabel("Question").fill(question);
  await dialog.getByRole("button", { name: "Request Info" }).click();
  await expect(dialog).toBeHidden();
  await expect(agent.getByRole("list", { name: "Activity" })).toContainText(question);
  await expect(agent.getByLabel("State")).toHaveValue("18"); // Awaiting Info

  const asked = (await mailsOf(number)).find((m) => m.event === "case.request_info");
  expect(asked?.recipient).toBe(DEMO.customer);
  expect(asked?.body).toContain(question);
  expect(asked?.replyTo).toMatch(/^reply\+/);
  // One email for the question: no second "comment" email repeats it.
  expect((await mailsOf(number)).filter((m) => m.event === "case.comment")).toEqual([]);

  // The customer sees the question on the case in the portal.
  await customer.reload();
  await expect(customer.getByText(question)).toBeVisible();
  // Each browser context is a browser's worth of processes on a 2-core machine: closed when done.
  await Promise.all([customer.context().close(), agent.context().close()]);
});

test("NOT-1: an admin edits a case email; an unknown placeholder is refused by name", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page
    .getByRole("navigation", { name: "Workspace" })
    .getByRole("link", { name: "Customer emails" })
    .click();
  const card = page.getByRole("region", { name: "Case cancelled" });
  await card.getByLabel("Subject").fill("Case {{case.nmber}} is cancelled");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByText("Unknown placeholder {{case.nmber}}.")).toBeVisible();
  await card.getByLabel("Subject").fill("Your case {{case.number}} is cancelled");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByRole("status").filter({ hasText: "Email saved." })).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Case cancelled" }).getByText("Your case CS0001234 is cancelled"),
  ).toBeVisible();
});
