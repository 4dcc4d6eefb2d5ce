// ADM-3 / ADM-4: an administrator manages users and API tokens. Each test makes its own user or
// token, so no demo user is deactivated and no other test's token is revoked.
import { expect, test, type Page } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { makeUser } from "./support/db";

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

test("ADM-3: an admin creates a contact of Acme Corporation with the customer role; they sign in to the portal; deactivated, their next page load goes to sign-in", async ({
  page,
  browser,
}) => {
  const email = `adm3-${stamp()}@acme.example`;
  const password = "initial-pass-123";
  await signIn(page, DEMO.admin);
  await page.getByRole("link", { name: "Users", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);

  const form = page.getByRole("region", { name: "New user" });
  await form.getByLabel("Kind").selectOption("contact");
  await form.getByLabel("Name").fill("Casey Contact");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Account").selectOption({ label: "Acme Corporation" });
  await form.getByLabel("Role").selectOption("customer");
  await form.getByLabel("Initial password").fill("short");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "Initial password must be at least 12 characters (it has 5).",
  );
  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("status")).toHaveText(`User ${email} created.`);
  // The person's fields are emptied for the next one; the kind and account stay.
  await expect(form.getByLabel("Name")).toHaveValue("");
  await expect(form.getByLabel("Email")).toHaveValue("");
  await expect(form.getByLabel("Account")).toHaveValue(/\d+/);
  // The same email again (any letter case) is refused naming Email.
  await form.getByLabel("Name").fill("Casey Contact");
  await form.getByLabel("Email").fill(email.toUpperCase());
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("alert")).toHaveText(`Email: a user with the email ${email} already exists.`);

  await page.getByLabel("Search users").fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("list", { name: "Roles of Casey Contact" })).toContainText("customer");
  await expect(row.getByRole("list", { name: "Roles of Casey Contact" })).toContainText("snc_external");
  await expect(row).toContainText("Acme Corporation");
  // Add role offers what fits a customer account's contact: customer_admin, never a partner role.
  await expect(row.getByLabel("Role to add to Casey Contact").locator("option")).toHaveText([
    "customer_admin",
  ]);

  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await signIn(customer, email, password);
  await expect(customer).toHaveURL(/\/portal/);

  // Deactivate asks first; Dismiss changes nothing.
  await row.getByRole("button", { name: "Deactivate" }).click();
  const confirm = page.getByRole("dialog", { name: "Deactivate Casey Contact?" });
  await expect(confirm).toContainText("Their sessions end now");
  await confirm.getByRole("button", { name: "Dismiss" }).click();
  await expect(confirm).toHaveCount(0);
  await customer.reload();
  await expect(customer).toHaveURL(/\/portal/);
  await row.getByRole("button", { name: "Deactivate" }).click();
  await confirm.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByRole("status")).toHaveText("Casey Contact deactivated.");
  // Focus comes back to the row's status cell (the Deactivate button is gone), not the page start.
  await expect(row.locator("[tabindex='-1']")).toBeFocused();
  await expect(row.getByRole("button", { name: "Reactivate" })).toBeVisible();

  await customer.reload();
  await expect(customer).toHaveURL(/\/login/);
  await customerContext.close();
});

test("ADM-3: the signed-in admin's own row offers neither Deactivate nor removing their admin role", async ({
  page,
}) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/users");
  await page.getByLabel("Search users").fill(DEMO.admin);
  await page.getByRole("button", { name: "Search" }).click();
  const own = page.getByRole("row").filter({ hasText: DEMO.admin });
  await expect(own).toHaveCount(1);
  await expect(own).toContainText("You");
  await expect(own.getByRole("button", { name: "Deactivate" })).toHaveCount(0);
  await expect(own.getByRole("button", { name: /^Remove role admin / })).toHaveCount(0);
  await expect(own.getByLabel(/^Role to add to /)).toBeVisible();
});

test("ADM-4: an admin creates an API token for agent@example.com, sees it once; the token gets 403 from the inbound email route, and 401 once revoked", async ({
  page,
  request,
}) => {
  const name = `e2e token ${stamp()}`;
  await signIn(page, DEMO.admin);
  await page.getByRole("link", { name: "API tokens" }).click();
  await page.getByLabel("Token name").fill(name);
  // Customers' integrations need tokens too: contacts are offered, named with their account.
  await expect(
    page.getByLabel("User").getByRole("option", { name: "Carol Customer (Acme Corporation)" }),
  ).toHaveCount(1);
  await page.getByLabel("User").selectOption({ label: "Alex Agent" });
  await page.getByRole("button", { name: "Create token" }).click();
  const field = page.getByLabel("New API token");
  await expect(field).toHaveAttribute("readonly", "");
  await expect(page.getByText("Copy it now: it will not be shown again.")).toBeVisible();
  await expect(field).toBeFocused();
  // No second token while the first is on screen (a second would hide it, never seen).
  await expect(page.getByRole("button", { name: "Create token" })).toBeDisabled();
  const token = await field.inputValue();
  expect(token).toMatch(/^cf_[A-Za-z0-9_-]{43}$/);

  const post = () =>
    request.post("/api/inbound/email", {
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "message/rfc822" },
      data: "From: someone@example.com\r\nSubject: hi\r\n\r\nhello\r\n",
    });
  expect((await post()).status()).toBe(403); // a valid token, but not an administrator's

  await page.reload();
  await expect(page.getByLabel("New API token")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(token);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("agent@example.com");
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row.getByRole("cell", { name: "Never" })).toHaveCount(0); // the call above was its last use

  await row.getByRole("button", { name: "Revoke" }).click();
  await page
    .getByRole("dialog", { name: `Revoke the token "${name}"?` })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(row.getByRole("status")).toHaveText(`Token "${name}" revoked.`);
  await expect(row).toContainText("Revoked");
  await expect(row.locator("[tabindex='-1']")).toBeFocused();
  expect((await post()).status()).toBe(401);
});

test("ROLE-4: a non-admin gets the 404 page for /admin/users, /admin/api-tokens and /admin/audit", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  for (const path of ["/admin/users", "/admin/api-tokens", "/admin/audit"])
    expect((await page.goto(path))?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "API tokens" })).toHaveCount(0);
});

test("ADM-3: in a narrow Users table an email wraps after its @, never inside a word", async ({ page }) => {
  await signIn(page, DEMO.admin);
  const email = `a.rather.long.name.${stamp()}@supportdesk.example`; // no hyphen: a hyphen may wrap
  const form = page.getByRole("region", { name: "New user" });
  await page.goto("/admin/users");
  await form.getByLabel("Kind").selectOption("contact");
  await form.getByLabel("Name").fill("Long Address");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Account").selectOption({ label: "Acme Corporation" });
  await form.getByLabel("Role").selectOption("customer");
  await form.getByLabel("Initial password").fill("initial-pass-123");
  await form.getByRole("button", { name: "Create user" }).click();
  // Searched only once the user exists (a search sent before the save finds nobody).
  await expect(form.getByRole("status")).toHaveText(`User ${email} created.`);
  await page.getByLabel("Search users").fill(email);
  await page.getByLabel("Search users").press("Enter");
  // A phone's width: the table is narrower than the address.
  await page.setViewportSize({ width: 390, height: 800 });
  const cell = page.getByRole("cell").filter({ hasText: email }).first();
  await expect(cell).toBeVisible();
  // Each part of the address (before and after the @) stays on one line.
  const lines = await cell.evaluate((td, address) => {
    const span = [...td.querySelectorAll("span")].find((s) => s.textContent === address)!;
    const parts = [...span.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
    return parts.map((node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
  }, email);
  expect(lines).toEqual([1, 1]);
});

/** Signs in as the admin, creates an agent on /admin/users and finds their row. */
async function newAgentRow(page: Page, name: string, email: string) {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/users");
  const form = page.getByRole("region", { name: "New user" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("sn_customerservice_agent");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("status")).toHaveText(`User ${email} created.`);
  await page.getByLabel("Search users").fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  return page.getByRole("row").filter({ hasText: email });
}

test("SET-4: without a mail server, Invite says the invitation waits unsent in the outbox", async ({
  page,
}) => {
  const email = `set4-${stamp()}@example.com`;
  const row = await newAgentRow(page, "Ina Invitee", email);
  await row.getByRole("button", { name: "Invite", exact: true }).click();
  // The e2e server has no SMTP_URL: "emailed" would be false (the go-live test, with SMTP, sees it).
  await expect(row.getByRole("status")).toHaveText(
    `Invitation to ${email} queued, but no mail server is set (SMTP_URL): it waits unsent in the outbox.`,
  );
});

test("ADM-3: an internal user without a role is told so after signing in, not sent to a page that answers Not found", async ({
  page,
}) => {
  const { email, password } = await makeUser([], "Nora Norole");
  await signIn(page, email, password);
  await expect(page.getByRole("heading", { name: "No access yet" })).toBeVisible();
  await expect(page.getByText("You are signed in as Nora Norole")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
});

test("REC-5 / ADM-3: an admin gives a user a role; the user's History in the audit log names who, when and what", async ({
  page,
}) => {
  const email = `rec5-${stamp()}@example.com`;
  const row = await newAgentRow(page, "Audrey Audited", email);
  await row.getByLabel("Role to add to Audrey Audited").selectOption("itil");
  await row.getByRole("button", { name: "Add role" }).click();
  await expect(row.getByRole("list", { name: "Roles of Audrey Audited" })).toContainText("itil");
  await row.getByRole("link", { name: "History of Audrey Audited" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const log = page.getByRole("region", { name: "Audit log" });
  const added = log.getByRole("row").filter({ hasText: /roles: .*→.*itil/ });
  await expect(added).toHaveCount(1);
  await expect(added).toContainText("Ada Admin");
  await expect(added).toContainText(`Audrey Audited <${email}>`);
  await expect(page.getByLabel("Area")).toHaveValue("sys_user");
});
