// SET-1 … SET-4 as a team does it: a fresh production install on an empty database, the first
// administrator from `admin:create`, a customer account and contact, an invitation read from a real
// mailbox (a local SMTP server), the customer in the portal, an import with one bad row, and
// Forgot password? for an unknown and a known email.
import { expect, test, type Browser, type Page } from "./support/test";
import { startProductionServer } from "./support/prod-server";
import { linkIn, startSmtpSink } from "./support/smtp-sink";

test.describe.configure({ mode: "serial" });

const PORT = Number(process.env.E2E_PORT ?? 3210) + 50;
const PASSWORD = "correct-horse-battery";
const stamp = Date.now().toString(36);
const CUSTOMER = `dana.${stamp}@golive.example`;

let server: Awaited<ReturnType<typeof startProductionServer>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  sink = await startSmtpSink();
  server = await startProductionServer(PORT, {
    SMTP_URL: sink.url,
    MAIL_FROM: "Support <support@golive.example>",
  });
});
test.afterAll(async () => {
  server?.stop();
  await sink?.close();
});

async function fresh(browser: Browser): Promise<Page> {
  return (await browser.newContext({ baseURL: server.base })).newPage();
}

/** A browser whose JavaScript has not run yet (a page opened cold on a slow connection). */
async function beforeScripts(browser: Browser): Promise<Page> {
  return (await browser.newContext({ baseURL: server.base, javaScriptEnabled: false })).newPage();
}

/** The newest mail to `to` once it has arrived (the outbox sends after commit). */
async function mailTo(to: string, count = 1) {
  await expect.poll(() => sink.to(to).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(count);
  return sink.to(to).at(-1)!;
}

async function setPassword(page: Page, link: string) {
  await page.goto(link);
  await page.getByLabel("New password").fill("short");
  await page.getByLabel("Confirm password").fill("short");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("New password must be at least 12 characters (it has 5).")).toBeVisible();
  await page.getByLabel("New password").fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await page.getByRole("button", { name: "Set password" }).click();
}

test("SET-1 SET-2 SET-4: a production install from admin:create to a customer in the portal", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  expect(server.output()).toContain("demo data: not loaded (NODE_ENV=production)");
  expect(server.output()).not.toContain("Demo sign-ins");
  const made = server.adminCreate(`owner.${stamp}@golive.example`, "Olivia", "Owner");
  expect(made.status, made.out).toBe(0);
  const link = linkIn(made.out)!;
  expect(link).toContain(`${server.base}/set-password?token=`);
  // Only the first administrator: a second run for someone else is refused.
  expect(server.adminCreate(`other.${stamp}@golive.example`).status).toBe(1);

  const admin = await fresh(browser);
  await setPassword(admin, link);
  await expect(admin).toHaveURL(/\/my-work$/);
  await expect(admin.getByText("Signed in as")).toContainText("Olivia Owner");
  await expect(admin.getByRole("region", { name: "Demo passwords" })).toHaveCount(0);
  // The link worked once.
  await admin.goto(link);
  await expect(admin.getByRole("heading", { name: "This link does not work" })).toBeVisible();

  await admin.goto("/cases");
  await admin.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Accounts" }).click();
  await admin.getByLabel("Name").fill(`Go Live Co ${stamp}`);
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(`Go Live Co ${stamp}`);
  const contacts = admin.getByRole("region", { name: /^Contacts \(/ });
  await contacts.getByLabel("Name").fill("Dana Customer");
  await contacts.getByLabel("Email").fill(CUSTOMER.toUpperCase());
  await contacts.getByLabel("Phone").fill("+1 555 0142");
  await expect(contacts.getByLabel("customer", { exact: true })).toBeChecked();
  await contacts.getByRole("button", { name: "Add contact" }).click();
  await expect(contacts.getByRole("status")).toHaveText(`Contact Dana Customer <${CUSTOMER}> added.`);
  const row = contacts.getByRole("row").filter({ hasText: CUSTOMER });
  await expect(row).toContainText("No password yet");
  await row.getByRole("button", { name: "Invite" }).click();
  await expect(row.getByRole("status")).toHaveText(`Invitation emailed to ${CUSTOMER}.`);

  const invitation = await mailTo(CUSTOMER);
  expect(invitation.subject).toBe("You are invited to Caseflow");
  expect(invitation.text).toContain("Olivia Owner invited you");
  // The customer opens the link before the page's JavaScript runs: Set password still works.
  const early = await beforeScripts(browser);
  await setPassword(early, linkIn(invitation.text)!);
  await expect(early).toHaveURL(/\/portal$/);
  await expect(early.getByRole("heading", { level: 1 })).toBeVisible();
  const customer = await fresh(browser);
  await customer.goto("/login");
  await customer.getByLabel("Email").fill(CUSTOMER);
  await customer.getByLabel("Password").fill(PASSWORD);
  await customer.getByRole("button", { name: "Sign in" }).click();
  await expect(customer).toHaveURL(/\/portal$/);
});

test("SET-3: an import of a CSV with one bad row — the preview shows it, Import writes the rest", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const made = server.adminCreate(`owner.${stamp}@golive.example`); // refused: the owner can sign in
  expect(made.status).toBe(1);
  const admin = await fresh(browser);
  await admin.goto("/login");
  await admin.getByLabel("Email").fill(`owner.${stamp}@golive.example`);
  await admin.getByLabel("Password").fill(PASSWORD);
  await admin.getByRole("button", { name: "Sign in" }).click();
  await expect(admin).toHaveURL(/\/my-work$/);
  await admin.goto("/admin/import");
  await admin.getByLabel("What the file holds").selectOption("contacts");
  const csv =
    "\uFEFFEmail,Name,Account,Portal roles\r\n" +
    `ivy.${stamp}@golive.example,"Ivy, Imported",Go Live Co ${stamp},customer\r\n` +
    `not-an-email,Bad Row,Go Live Co ${stamp},\r\n` +
    `jon.${stamp}@golive.example,Jon Imported,Go Live Co ${stamp},customer_admin;customer\r\n`;
  await admin
    .getByLabel("CSV file")
    .setInputFiles({ name: "contacts.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await admin.getByRole("button", { name: "Preview" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Preview:" })).toContainText(
    "Preview: 2 to create, 0 to update, 0 unchanged, 1 with errors.",
  );
  const table = admin.getByRole("region", { name: "Rows of the file" });
  await expect(table).toContainText("Row 3, Email: Email must be an email address like name@example.com.");
  await admin.getByRole("button", { name: "Import" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Imported:" })).toContainText(
    "Imported: 2 created, 0 updated, 0 unchanged; 1 rows with errors were not written.",
  );
  await admin.getByRole("button", { name: "Preview" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Preview:" })).toContainText(
    "0 to create, 0 to update, 2 unchanged",
  );
});

test("SET-4: Forgot password? (also before JavaScript has run) answers alike for an unknown and a known email; only the known one gets a link", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // The first request from a browser whose JavaScript has not run (a page opened cold from an email
  // on a slow connection): the form still posts to the server and shows its answer.
  const early = await (
    await browser.newContext({ baseURL: server.base, javaScriptEnabled: false })
  ).newPage();
  await early.goto("/login");
  await early.getByRole("link", { name: "Forgot password?" }).click();
  // This server sends email: no warning that links wait unsent (the demo server, without SMTP, has it).
  await expect(early.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expect(early.getByRole("note")).toHaveCount(0);
  const unknown = `nobody.${stamp}@golive.example`;
  await early.getByLabel("Email").fill(unknown);
  await early.getByRole("button", { name: "Send reset link" }).click();
  const answer = early.getByRole("status");
  await expect(answer).toContainText("If an active account uses that email");
  expect(early.url()).not.toContain(unknown);
  const words = await answer.textContent();
  const page = await fresh(browser);
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(CUSTOMER);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toHaveText(words!);
  const reset = await mailTo(CUSTOMER, 2);
  expect(reset.subject).toBe("Reset your Caseflow password");
  expect(sink.to(unknown)).toHaveLength(0);
  await page.goto(linkIn(reset.text)!);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
});
