// WRK-5: the header's search box, as an agent uses it — a case number and Enter, words and the
// keyboard, `/` from anywhere but a field.
import { expect, test, type Page } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { createCaseViaForm } from "./support/cases";

const searchBox = (page: Page) => page.getByRole("searchbox", { name: "Search", exact: true });

test("WRK-5: an agent types a case number in Search and Enter opens the case", async ({ page }) => {
  await signIn(page, DEMO.agent);
  const number = await createCaseViaForm(page, {
    shortDescription: `Search finds me ${Date.now()}`,
    account: "Acme Corporation",
  });
  await page.goto("/cases");
  const box = searchBox(page);
  await expect(box).toHaveCount(1);
  // Typed and entered at once, before the as-you-type results have settled.
  await box.fill(number);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/cases/${number}$`));
  await expect(page.getByRole("heading", { name: new RegExp(number) })).toBeVisible();
});

test("WRK-5: results appear as the agent types, grouped by kind, and the keyboard opens one", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  await page.goto("/cases");
  const box = searchBox(page);
  await box.pressSequentially("mail rel", { delay: 30 });
  const results = page.getByRole("listbox", { name: "Search results" });
  await expect(results.getByRole("group", { name: "Incidents" })).toBeVisible();
  // The popup that holds the list is a dialog with a name of its own (axe: aria-dialog-name).
  await expect(page.getByRole("dialog", { name: "Search results" })).toBeVisible();
  await expect(results.getByRole("group", { name: "Problems" })).toContainText("Mail relay runs out of disk");
  await expect(results.getByRole("group", { name: "Changes" })).toContainText("Expand mail relay storage");
  // Only words that all match: the demo case about email delays is not a mail relay result (other
  // specs may have made cases that are, so the group itself may be there).
  await expect(results).not.toContainText("Email to customers delayed");
  await expect(results.getByRole("group", { name: "Incidents" })).toContainText(
    "Outbound mail relay queue backing up",
  );
  // Cut back below two characters, the text searches nothing: no results stay from before.
  for (let i = "mail rel".length; i > 1; i--) await box.press("Backspace");
  await expect(box).toHaveValue("m");
  await expect(results).toBeHidden();
  await expect(page.getByText("Type at least 2 characters.")).toBeVisible();
  // Other specs make "Mail relay outage" records too: narrow to the demo incident for the keyboard.
  await box.fill("");
  await box.pressSequentially("outbound mail relay queue", { delay: 30 });
  const incident = results.getByRole("group", { name: "Incidents" }).getByRole("option").first();
  await expect(incident).toContainText("Outbound mail relay queue backing up");
  await expect(results.getByRole("option")).toHaveCount(1);
  const incidentNumber = (await incident.textContent())!.match(/INC\d{7}/)![0];
  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", (await incident.getAttribute("id"))!);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/incidents/${incidentNumber}$`));
});

test("WRK-5: / focuses Search, except while typing in a field; nothing found says so", async ({ page }) => {
  await signIn(page, DEMO.agent);
  await page.goto("/cases/new");
  const description = page.getByLabel("Short description");
  await description.fill("a/b");
  await expect(description).toHaveValue("a/b");
  await expect(description).toBeFocused();
  await page.getByRole("heading").first().click();
  await page.keyboard.press("/");
  const box = searchBox(page);
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("");
  await page.keyboard.type("zzqxj nothing");
  await expect(page.getByRole("listbox", { name: "Search results" })).toHaveCount(0);
  await expect(page.getByText("No matches")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Nothing found for “zzqxj nothing”.")).toBeVisible();
  await expect(page).toHaveURL(/\/cases\/new$/);
});
