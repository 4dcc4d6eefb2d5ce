import { expect, test, type Page } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { createCaseViaForm, createIncidentFromMenu } from "./support/cases";
import { db } from "./support/db";
import { createIncidentViaForm } from "./support/incidents";
import { afterNextPolls } from "./support/polls";

const activity = (page: Page) => page.getByRole("list", { name: "Activity" });
const banner = (page: Page) => page.getByRole("status").filter({ hasText: /saved this/ });

/** A flag in the page's JavaScript: gone if the page was reloaded. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { kept?: boolean }).kept = true));
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { kept?: boolean }).kept);

test("JRN-2 / REC-6: a note written elsewhere arrives without a reload, the draft survives, and a save by someone else is named", async ({
  browser,
}) => {
  const agentCtx = await browser.newContext();
  const otherCtx = await browser.newContext();
  const agent = await agentCtx.newPage();
  const other = await otherCtx.newPage();

  await signIn(agent, DEMO.agent);
  const caseNumber = await createCaseViaForm(agent, { shortDescription: `Live timeline ${Date.now()}` });
  const incidentNumber = await createIncidentFromMenu(agent);

  await markPage(agent);
  const draft = "Dear customer, we are on it (not sent yet)";
  const comments = agent.getByLabel("Additional comments");
  await comments.fill(draft);

  // Another person comments on the linked incident: the sync note reaches the open case page.
  await signIn(other, DEMO.manager);
  await other.goto(`/incidents/${incidentNumber}`);
  const news = `Vendor confirmed the fix ${Date.now()}`;
  await other.getByLabel("Additional comments").fill(news);
  await other.getByRole("button", { name: "Post" }).click();
  await expect(activity(other).getByRole("listitem").first()).toContainText(news); // own post, at once

  const arrived = activity(agent).getByRole("listitem").filter({ hasText: news });
  await expect(arrived).toBeVisible({ timeout: 5_000 });
  await expect(arrived).toContainText(`from ${incidentNumber}`);
  await expect(arrived).toHaveAttribute("data-new", "true");
  await expect(agent.getByText(/new entr(y|ies) in Activity\. Newest: work note from System/)).toBeAttached();
  await expect(comments).toHaveValue(draft);
  await expect(comments).toBeFocused();
  expect(await stillSamePage(agent)).toBe(true);

  // Someone else saves the case the agent has open: the page says who, before any save fails.
  await other.goto(`/cases/${caseNumber}`);
  await other.getByLabel("Short description").fill("Renamed by the manager");
  await other.getByRole("button", { name: "Save" }).click();
  await expect(other.getByRole("status")).toHaveText("Case saved.");
  await expect(banner(other)).toHaveCount(0);

  await expect(banner(agent)).toContainText(/Morgan Manager saved this case at \d{2}:\d{2}/, {
    timeout: 5_000,
  });
  await expect(banner(agent)).toContainText("reload to see their changes");
  await expect(comments).toHaveValue(draft);
  await banner(agent).getByRole("button", { name: "Reload" }).click();
  await expect(banner(agent)).toHaveCount(0);
  await expect(agent.getByLabel("Short description")).toHaveValue("Renamed by the manager");
  await expect(comments).toHaveValue(draft);
  expect(await stillSamePage(agent)).toBe(true);

  // The agent's own save: no banner, and the re-rendered page (revalidatePath) keeps the draft.
  await agent.getByLabel("Short description").fill("Renamed by the agent");
  await agent.getByRole("button", { name: "Save" }).click();
  await expect(agent.getByRole("status")).toHaveText("Case saved.");
  await expect(comments).toHaveValue(draft);
  await afterNextPolls(agent);
  await expect(banner(agent)).toHaveCount(0);

  // Posting the draft shows it at once, not as news.
  await agent.getByRole("button", { name: "Post" }).click();
  const posted = activity(agent).getByRole("listitem").first();
  await expect(posted).toContainText(draft);
  await expect(posted).not.toHaveAttribute("data-new", "true");
  await expect(comments).toHaveValue("");

  await agentCtx.close();
  await otherCtx.close();
});

test("REC-6: an ITSM record page names who saved the record", async ({ browser }) => {
  const itilCtx = await browser.newContext();
  const otherCtx = await browser.newContext();
  const itil = await itilCtx.newPage();
  const other = await otherCtx.newPage();
  await signIn(itil, DEMO.itil);
  const number = await createIncidentViaForm(itil, { shortDescription: `Live incident ${Date.now()}` });
  await itil.getByLabel("Work notes").fill("half-written note");

  await signIn(other, DEMO.manager);
  await other.goto(`/incidents/${number}`);
  await other.getByLabel("Urgency").selectOption({ label: "1 - High" });
  await other.getByRole("button", { name: "Save" }).click();
  await expect(other.getByRole("status")).toHaveText("Incident saved.");

  await expect(banner(itil)).toContainText(/Morgan Manager saved this incident at \d{2}:\d{2}/, {
    timeout: 5_000,
  });
  await expect(itil.getByLabel("Work notes")).toHaveValue("half-written note");
  await itilCtx.close();
  await otherCtx.close();
});

test("JRN-2: Show older pages past the newest 200 entries, each entry once", async ({ page }) => {
  await signIn(page, DEMO.agent);
  const number = await createCaseViaForm(page, { shortDescription: `Long timeline ${Date.now()}` });
  const c = await db().case.findUniqueOrThrow({ where: { number } });
  const base = Date.now() - 86_400_000;
  await db().journalEntry.createMany({
    data: Array.from({ length: 230 }, (_, i) => ({
      table: "sn_customerservice_case",
      recordId: c.id,
      kind: i % 2 ? "work_notes" : "comments",
      body: `Archived entry ${i}`,
      authorName: "Archive",
      createdAt: new Date(base + Math.floor(i / 4) * 1_000), // four entries share each time
    })),
  });
  const total = await db().journalEntry.count({
    where: { table: "sn_customerservice_case", recordId: c.id },
  });
  await page.reload();
  const items = activity(page).getByRole("listitem");
  await expect(items).toHaveCount(200);
  await page.getByRole("button", { name: "Show older" }).click();
  await expect(items).toHaveCount(total);
  await expect(page.getByRole("button", { name: "Show older" })).toHaveCount(0);
  await expect(items.last()).toContainText("Archived entry 0");
  const bodies = await activity(page).locator("li p").allInnerTexts();
  expect(new Set(bodies).size).toBe(total);
});
