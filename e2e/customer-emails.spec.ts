// NOT-1 as people do it: a customer opens a case in the portal and is acknowledged; the agent asks
// for information through Request Info (the question is required); the customer's email carries the
// question; the customer answers in the portal with a screenshot (NOT-4), which the agent downloads;
// Propose Solution's email links to the portal case; an admin edits a case email, and an unknown
// placeholder is refused by name.
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "./support/test";
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

test("NOT-1 / NOT-4: a portal case is acknowledged; Request Info asks its question, which the customer's email carries; the customer answers with a screenshot the agent downloads; Propose Solution's email links to Accept and Reject", async ({
  browser,
}) => {
  test.setTimeout(150_000);
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
  // NOT-1: the form's State offers no Awaiting Info: only Request Info asks the question.
  await expect(agent.getByLabel("State").getByRole("option", { name: "Awaiting Info" })).toHaveCount(0);
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

  // The customer sees the question on the case in the portal and answers it with a screenshot.
  await customer.reload();
  await expect(customer.getByText(question)).toBeVisible();
  const answer = `The X200, tray 2 ${stamp}`;
  const shot = `screenshot-${stamp}.png`;
  await customer.getByLabel("Reply").fill(answer);
  const png = await customer.screenshot();
  await customer
    .getByLabel("Attach a file with this entry")
    .setInputFiles({ name: shot, mimeType: "image/png", buffer: png });
  await customer.getByRole("button", { name: "Send" }).click();
  await expect(customer.getByText(`Attached ${shot}.`)).toBeVisible();

  // The agent sees the answer (the case is back in progress) and downloads the screenshot.
  await agent.reload();
  await expect(agent.getByRole("list", { name: "Activity" })).toContainText(answer);
  await expect(agent.getByLabel("State")).toHaveValue("10");
  const link = agent.getByRole("region", { name: "Attachments" }).getByRole("link", { name: shot });
  const download = agent.waitForEvent("download");
  await link.click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(shot);
  expect(Buffer.compare(readFileSync(await file.path()), png)).toBe(0);

  // Propose Solution: the customer's email links to the portal case, where Accept and Reject are.
  await agent.getByRole("button", { name: "Propose Solution" }).click();
  const propose = agent.getByRole("dialog", { name: "Propose solution" });
  await propose.getByLabel("Resolution code").selectOption("Solved (Permanently)");
  await propose.getByLabel("Resolution notes").fill(`Cleaned the X200 tray 2 rollers ${stamp}`);
  await propose.getByRole("button", { name: "Propose Solution" }).click();
  await expect(agent.getByLabel("State")).toHaveValue("6");
  const proposed = (await mailsOf(number)).find((m) => m.event === "case.propose_solution");
  expect(proposed?.recipient).toBe(DEMO.customer);
  expect(proposed?.body).toContain(`Cleaned the X200 tray 2 rollers ${stamp}`);
  const portalLink = proposed?.body.match(/https?:\/\/[^\s"<>]+\/portal\/cases\/CS\d{7}/)?.[0];
  expect(portalLink).toMatch(new RegExp(`/portal/cases/${number}$`));
  await customer.goto(new URL(portalLink!).pathname);
  await expect(customer.getByRole("button", { name: "Accept solution" })).toBeVisible();
  await expect(customer.getByRole("button", { name: "Reject solution" })).toBeVisible();
  // Each browser context is a browser's worth of processes on a 2-core machine: closed when done.
  await Promise.all([customer.context().close(), agent.context().close()]);
});

test("NOT-1: an admin edits a case email, previewed as typed; an unknown placeholder is refused by name", async ({
  page,
}) => {
  await signIn(page, DEMO.admin);
  await page
    .getByRole("navigation", { name: "Workspace" })
    .getByRole("link", { name: "Customer emails" })
    .click();
  const card = page.getByRole("region", { name: "Case cancelled" });
  const preview = card.getByRole("figure", { name: "Preview of Case cancelled" });
  await card.getByLabel("Subject").fill("Case {{case.nmber}} is cancelled");
  // The preview follows the typing, names what saving would refuse, and says it is not saved.
  await expect(preview).toContainText("Preview for an example case (not saved yet)");
  await expect(preview).toContainText("Unknown placeholder {{case.nmber}}.");
  await expect(preview).toContainText(/Case\s+is cancelled/);
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByLabel("Subject")).toHaveAccessibleDescription("Unknown placeholder {{case.nmber}}.");
  await card.getByLabel("Subject").fill("Your case {{case.number}} is cancelled");
  await expect(preview).toContainText("Your case CS0001234 is cancelled");
  await expect(preview).not.toContainText("Unknown placeholder");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByRole("status").filter({ hasText: "Email saved." })).toBeVisible();
  await expect(preview).not.toContainText("not saved yet");
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Case cancelled" }).getByText("Your case CS0001234 is cancelled"),
  ).toBeVisible();
});
