import { randomBytes, randomInt } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import nodemailer from "nodemailer";
import { DEMO, signIn } from "./support/auth";
import { db } from "./support/db";

// @global: flips proactive_workflows_for_providers.additional_comments_sync (PRO-4) on and off.
test.describe.configure({ mode: "serial" });

const SMTP_PORT = Number(process.env.E2E_PORT ?? 3210) + 1000; // scripts/e2e-server.mjs
const PROPERTY = "proactive_workflows_for_providers.additional_comments_sync";
const digits = () => String(randomInt(100_000, 999_999));

/** An incident with two cases: the customer's (with a reply token) and another one. */
async function incidentWithTwoCases() {
  const customer = await db().user.findUniqueOrThrow({ where: { email: DEMO.customer } });
  const incident = await db().incident.create({
    data: { number: `INC9${digits()}`, shortDescription: "E2E inbound outage" },
  });
  const token = randomBytes(24).toString("base64url");
  const mine = await db().case.create({
    data: {
      number: `CS9${digits()}`,
      shortDescription: "E2E inbound: customer's case",
      state: 18, // Awaiting Info
      accountId: customer.accountId,
      contactId: customer.id,
      incidentId: incident.id,
      replyToken: token,
    },
  });
  const other = await db().case.create({
    data: {
      number: `CS9${digits()}`,
      shortDescription: "E2E inbound: other case",
      state: 10,
      incidentId: incident.id,
    },
  });
  return { customer, incident, mine, other, to: `reply+${token}@caseflow.localhost` };
}

function send(from: string, to: string, text: string, subject = "Re: your case") {
  const smtp = nodemailer.createTransport({
    host: "127.0.0.1",
    port: SMTP_PORT,
    secure: false,
    ignoreTLS: true,
  });
  return smtp.sendMail({ from, to, subject, text: `${text}\n\nOn Mon, Support wrote:\n> earlier message\n` });
}

async function setProperty(page: Page, value: "true" | "false") {
  await page.goto("/admin/properties");
  const control = page.getByLabel(PROPERTY);
  await control.selectOption(value);
  const row = page.getByRole("listitem").filter({ has: page.getByLabel(PROPERTY) });
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("status")).toHaveText(`${PROPERTY} saved.`);
}

const activity = (page: Page) => page.getByRole("list", { name: "Activity" });

test("@global PRO-5 PRO-4 REL-6: an emailed reply reaches the case, then with the property on the incident and the other cases; the inbox shows a forged one refused", async ({
  browser,
}) => {
  const { incident, mine, other, to } = await incidentWithTwoCases();
  const agentPage = await (await browser.newContext()).newPage();
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(agentPage, DEMO.agent);
  await signIn(adminPage, DEMO.admin);

  const first = `First reply ${digits()}`;
  await send(DEMO.customer, to, first);
  await agentPage.goto(`/cases/${mine.number}`);
  await expect(activity(agentPage).getByText(first)).toBeVisible();
  await expect(agentPage.getByText("earlier message")).toHaveCount(0);
  const state = async () => (await db().case.findUniqueOrThrow({ where: { id: mine.id } })).state;
  await expect.poll(state).toBe(10); // Awaiting Info → Open
  await agentPage.goto(`/incidents/${incident.number}`);
  await expect(agentPage.getByText(first)).toHaveCount(0); // property off: stays on its case

  await setProperty(adminPage, "true");
  try {
    const second = `Second reply ${digits()}`;
    await send(DEMO.customer, to, second);
    await agentPage.goto(`/incidents/${incident.number}`);
    await expect(agentPage.getByText(second).first()).toBeVisible();
    await agentPage.goto(`/cases/${other.number}`);
    await expect(activity(agentPage).getByText(second)).toBeVisible();
  } finally {
    await setProperty(adminPage, "false");
  }

  const forgedSubject = `Forged ${digits()}`;
  await send("attacker@evil.example", to, "Please refund me", forgedSubject);
  await adminPage.goto("/admin/inbox?status=refused");
  const forged = adminPage.getByRole("row").filter({ hasText: forgedSubject });
  await expect(forged).toContainText("Sender is not the case's contact or consumer");
  await adminPage.goto("/admin/inbox?status=accepted");
  const accepted = adminPage.getByRole("row").filter({ hasText: DEMO.customer }).first();
  await expect(accepted.getByRole("link", { name: mine.number })).toBeVisible();
  await adminPage.screenshot({ path: "test-results/admin-inbox.png", fullPage: true });
});
