import { expect, test } from "./support/test";
import { DEMO, signIn } from "./support/auth";

test("REL-5 / WRK-2: an agent signs in, lands on My work, and signs out again", async ({ page }) => {
  await signIn(page, DEMO.agent);
  await expect(page).toHaveURL(/\/my-work$/);
  await expect(page.getByRole("heading", { name: "My work", level: 1 })).toBeVisible();
  await expect(page.getByText("Signed in as Alex Agent")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/cases");
  await expect(page).toHaveURL(/\/login/);
});

test("REL-5: a wrong password gets a clear message and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.viewer);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
});

test("REL-5: repeated failures are slowed down, even for the right password", async ({ page }) => {
  // admin@partner.example is not used by other tests, so its throttle is its own.
  for (let i = 0; i < 5; i++) {
    await page.goto("/login");
    await page.getByLabel("Email").fill(DEMO.partnerAdmin);
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  }
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Too many failed sign-in attempts/);
});

test("ROLE-3: an external user lands in the portal and cannot reach workspace pages", async ({ page }) => {
  await signIn(page, DEMO.customer);
  await expect(page).toHaveURL(/\/portal$/);
  for (const path of [
    "/cases",
    "/cases/CS0001001",
    "/cases/new",
    "/incidents",
    "/incidents/INC0010001",
    "/admin/properties",
  ]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/portal$/);
    // The portal lists the customer's own cases; nothing of the workspace is rendered.
    await expect(page.getByRole("navigation", { name: "Workspace" })).toHaveCount(0);
    await expect(page.getByLabel("Work notes")).toHaveCount(0);
  }
  const lookup = await page.request.get("/api/lookup/accounts?q=Acme");
  expect(lookup.status()).toBe(403);
});

test("REL-5: session cookie is httpOnly and SameSite; pages carry CSP and frame-ancestors", async ({
  page,
  context,
}) => {
  await signIn(page, DEMO.agent);
  const cookie = (await context.cookies()).find((c) => c.name.includes("session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  for (const path of ["/login", "/cases", "/cases/CS0001001"]) {
    const res = await page.request.get(path);
    const csp = res.headers()["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(res.headers()["x-frame-options"]).toBe("DENY");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  }
});

test("POR-1 / WRK-2: a case link opened signed out comes back to the case after sign-in", async ({
  page,
}) => {
  // The customer's own case, as an emailed link names it (NOT-1).
  await signIn(page, DEMO.customer);
  const first = page.getByRole("link", { name: /^CS\d{7}$/ }).first();
  const number = (await first.textContent())!;
  await page.context().clearCookies();

  for (const [email, path] of [
    [DEMO.customer, `/portal/cases/${number}`],
    [DEMO.agent, `/cases/${number}?tab=activity`],
  ] as const) {
    await page.goto(path);
    await expect(page, path).toHaveURL(`/login?next=${encodeURIComponent(path)}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page, path).toHaveURL(path);
    await expect(page.getByRole("main").getByText(number).first()).toBeVisible();
    await page.context().clearCookies();
  }

  // A next= naming another site is not followed: sign-in lands at home.
  await page.goto("/login?next=//evil.example/x");
  await page.getByLabel("Email").fill(DEMO.agent);
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/my-work$/);
});
