// REL-5: sessions end on the server. A cookie copied before sign-out, or held by another
// browser when the password changes, is worth nothing afterwards. Each test signs in as its
// own user (e2e/support/db.ts), so no demo user's password or session is touched.
import { expect, test, type Browser, type BrowserContext, type Page } from "./support/test";
import { captureJournalPost } from "./support/actions";
import { signIn } from "./support/auth";
import { createCaseViaForm } from "./support/cases";
import { db, makeUser } from "./support/db";

const AGENT_ROLES = ["sn_customerservice_agent"];

async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

const notesWith = (body: string) => db().journalEntry.count({ where: { body } });

test("REL-5: a session cookie copied before sign-out no longer reads or writes", async ({
  browser,
  page,
}) => {
  const user = await makeUser(AGENT_ROLES, "Session Replay");
  await signIn(page, user.email, user.password);
  const number = await createCaseViaForm(page, { shortDescription: `Replay ${Date.now()}` });
  const call = await captureJournalPost(page, "before sign-out");
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.includes("session-token"))).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await freshPage(browser);
  await thief.context.addCookies(copied);
  await thief.page.goto(`/cases/${number}`);
  await expect(thief.page).toHaveURL(/\/login/);

  // The same server action, replayed with the old cookie and a new note: nothing is written.
  const replayed = call.body.toString("latin1").replace("before sign-out", "after sign-out!");
  const response = await thief.context.request.post(call.url, {
    headers: call.headers,
    data: Buffer.from(replayed, "latin1"),
  });
  expect(response.status()).toBeLessThan(500);
  expect(await response.text()).toContain("Your session has ended");
  expect(await notesWith("after sign-out!")).toBe(0);
  expect(await notesWith("before sign-out")).toBe(1);
  await thief.context.close();
});

test("REL-5: changing the password ends the other sessions, keeps this one, and the new password works", async ({
  browser,
}) => {
  const user = await makeUser(AGENT_ROLES, "Password Changer");
  const a = await freshPage(browser);
  const b = await freshPage(browser);
  await signIn(a.page, user.email, user.password);
  await signIn(b.page, user.email, user.password);

  await a.page.getByRole("link", { name: "Change password" }).click();
  await expect(a.page).toHaveURL(/\/account\/password$/);
  await a.page.getByLabel("Current password").fill(user.password);
  await a.page.getByLabel("New password", { exact: true }).fill("a-much-longer-secret");
  await a.page.getByLabel("Confirm new password").fill("a-much-longer-secret");
  await a.page.getByRole("button", { name: "Change password" }).click();
  await expect(a.page.getByRole("status")).toHaveText(
    /Password changed\. Your other session has been signed out/,
  );

  await b.page.goto("/cases");
  await expect(b.page).toHaveURL(/\/login/);
  await a.page.goto("/cases");
  await expect(a.page).toHaveURL(/\/cases$/);
  await expect(a.page.getByText("Signed in as Password Changer")).toBeVisible();

  const c = await freshPage(browser);
  await c.page.goto("/login");
  await c.page.getByLabel("Email").fill(user.email);
  await c.page.getByLabel("Password").fill(user.password);
  await c.page.getByRole("button", { name: "Sign in" }).click();
  await expect(c.page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await signIn(c.page, user.email, "a-much-longer-secret");
  await expect(c.page).toHaveURL(/\/my-work$/);
  for (const x of [a, b, c]) await x.context.close();
});

test("REL-5: a wrong current password is refused on its field; external users change theirs from the portal", async ({
  page,
}) => {
  const user = await makeUser([], "Portal Person");
  await db().user.update({ where: { email: user.email }, data: { kind: "contact" } });
  await signIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole("link", { name: "Change password" }).click();
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("another-long-secret");
  await page.getByLabel("Confirm new password").fill("another-long-secret");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Current password is not right.")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Current password").fill(user.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("New password must be at least 12 characters (it has 5).")).toBeVisible();
  await page.getByRole("link", { name: "← Back" }).click();
  await expect(page).toHaveURL(/\/portal$/);
});
