import { randomInt } from "node:crypto";
import { expect, test } from "./support/test";
import nodemailer from "nodemailer";
import { DEMO, signIn } from "./support/auth";
import { db } from "./support/db";

const SMTP_PORT = Number(process.env.E2E_PORT ?? 3210) + 1000; // scripts/e2e-server.mjs
const SUPPORT = "support@caseflow.localhost";
const digits = () => String(randomInt(100_000, 999_999));

function send(from: string, subject: string, text: string) {
  const smtp = nodemailer.createTransport({
    host: "127.0.0.1",
    port: SMTP_PORT,
    secure: false,
    ignoreTLS: true,
  });
  return smtp.sendMail({ from, to: SUPPORT, subject, text });
}

const caseWith = (shortDescription: string) => () =>
  db().case.findFirst({ where: { shortDescription }, select: { number: true, channel: true } });

test("NOT-3: an email to support from the demo customer opens a case the customer sees in the portal", async ({
  page,
}) => {
  const subject = `Email to case ${digits()}`;
  await send(DEMO.customer, subject, "The VPN drops every ten minutes.");
  await expect.poll(caseWith(subject)).toMatchObject({ channel: "email" });
  const { number } = (await caseWith(subject)())!;
  await signIn(page, DEMO.customer);
  await page.goto("/portal");
  await expect(page.getByRole("row").filter({ hasText: subject })).toContainText(number);
  await page.goto(`/portal/cases/${number}`);
  await expect(page.getByText("The VPN drops every ten minutes.")).toBeVisible();
});

test("NOT-3: an unknown sender's email waits under Unknown sender; an agent opens a case from it choosing a contact", async ({
  page,
}) => {
  const subject = `Stranger asks ${digits()}`;
  await send(`stranger-${digits()}@unknown.example`, subject, "Who can help me with my invoice?");
  await signIn(page, DEMO.agent);
  await page.getByRole("link", { name: "Unknown senders" }).click();
  await expect(page).toHaveURL(/\/admin\/inbox/);
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(row).toContainText("Unknown sender");
  await row.getByRole("button", { name: "Open case" }).click();
  const dialog = page.getByRole("dialog", { name: /Open a case from stranger-/ });
  await dialog.getByRole("combobox", { name: "Contact" }).fill("customer@acme");
  await dialog
    .getByRole("option", { name: /customer@acme\.example/ })
    .first()
    .click();
  await dialog.getByRole("button", { name: "Open case" }).click();
  // The agent is taken to the case they opened.
  await expect(page).toHaveURL(/\/cases\/CS\d{7}$/);
  const created = await caseWith(subject)();
  expect(created).toMatchObject({ channel: "email" });
  const customer = await db().user.findUniqueOrThrow({ where: { email: DEMO.customer } });
  const c = await db().case.findFirstOrThrow({ where: { shortDescription: subject } });
  expect(c.contactId).toBe(customer.id);
  expect(page.url()).toMatch(new RegExp(`/cases/${created!.number}$`));
  await expect(page.getByRole("textbox", { name: "Description", exact: true })).toHaveValue(
    "Who can help me with my invoice?",
  );
});
