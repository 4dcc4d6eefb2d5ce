import { expect, type Page } from "@playwright/test";

export const DEMO = {
  admin: "admin@example.com",
  agent: "agent@example.com",
  viewer: "viewer@example.com",
  manager: "manager@example.com",
  itil: "itil@example.com",
  customer: "customer@acme.example",
  customerAdmin: "admin@acme.example",
  partner: "partner@partner.example",
  partnerAdmin: "admin@partner.example",
  consumer: "consumer@example.net",
} as const;

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, email: string, password = "demo") {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
