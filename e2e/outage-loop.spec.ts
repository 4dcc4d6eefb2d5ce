import { expect, test } from "./support/test";
import nodemailer from "nodemailer";
import { DEMO, signIn } from "./support/auth";
import { db } from "./support/db";
import { createIncidentViaForm } from "./support/incidents";

// The outage loop of issue 9, end to end: proactive cases for two accounts (PRO-1, PRO-2: each
// case's contact is its account's primary contact), Notify Customers from the incident (PRO-3),
// and a customer's emailed answer to that notification appearing live on the agent's open case
// (PRO-5), matched by the reply address and In-Reply-To of the email the customer got.

const SMTP_PORT = Number(process.env.E2E_PORT ?? 3210) + 1000; // scripts/e2e-server.mjs
const tag = `L${Date.now().toString(36)}`;

async function accountWithPrimaryContact(i: number) {
  const account = await db().account.create({
    data: {
      number: `ACCL${tag}${i}`,
      name: `Loop Co ${tag} ${i}`,
      nameKey: `loop co ${tag} ${i}`.toLowerCase(),
    },
  });
  const contact = await db().user.create({
    data: {
      email: `ops${i}.${tag}@loop.example`,
      name: `Ops ${i} ${tag}`,
      kind: "contact",
      accountId: account.id,
    },
  });
  await db().account.update({ where: { id: account.id }, data: { primaryContactId: contact.id } });
  return { account, contact };
}

test("PRO-1 PRO-2 PRO-3 PRO-5: proactive cases, Notify Customers, and the customer's emailed answer on the agent's open case", async ({
  browser,
}) => {
  const [a, b] = [await accountWithPrimaryContact(1), await accountWithPrimaryContact(2)];
  const itil = await (await browser.newContext()).newPage();
  await signIn(itil, DEMO.itil);
  await createIncidentViaForm(itil, {
    shortDescription: `Mail relay outage ${tag}`,
    description: "Outbound mail is queued",
  });
  const incidentUrl = new URL(itil.url()).pathname;
  const affected = itil.getByRole("region", { name: "Affected accounts" });
  for (const { account } of [a, b]) {
    await affected.getByRole("combobox", { name: "Add affected account" }).fill(account.name);
    await itil.getByRole("option", { name: account.name }).click();
    await affected.getByRole("button", { name: "Add", exact: true }).click();
    await expect(affected.getByRole("cell", { name: account.name, exact: true })).toBeVisible();
  }
  await affected.getByRole("button", { name: "Create Proactive Cases" }).click();
  await expect(affected.getByRole("status")).toHaveText("Created 2 cases; 0 accounts already had one");

  const agent = await (await browser.newContext()).newPage();
  await signIn(agent, DEMO.agent);
  await agent.goto(incidentUrl);
  const cases = agent.getByRole("region", { name: "Customer Cases" });
  await cases.getByRole("checkbox", { name: "Select all" }).check();
  await cases.getByRole("button", { name: "Notify Customers" }).click();
  const dialog = agent.getByRole("dialog", { name: "Notify Customers" });
  await dialog.getByLabel("Message").fill(`Mail is delayed; we are on it ${tag}.`);
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Notified 2 cases; 2 emails queued; 0 skipped.");

  // The email customer A received: its reply address and Message-ID are what a mail client answers.
  const mail = await db().outboxMessage.findFirstOrThrow({ where: { recipient: a.contact.email } });
  expect(mail.replyTo).toMatch(/^reply\+[0-9a-f]{32}@caseflow\.localhost$/);
  const origin = await db().proactiveCase.findFirstOrThrow({
    where: { accountId: a.account.id },
    include: { case: true },
  });
  expect(origin.case.contactId).toBe(a.contact.id);
  await agent.goto(`/cases/${origin.case.number}`);
  const activity = agent.getByRole("list", { name: "Activity" });
  await expect(activity).toContainText(`Mail is delayed; we are on it ${tag}.`);

  const answer = `Still no mail at our site ${tag}`;
  await nodemailer
    .createTransport({ host: "127.0.0.1", port: SMTP_PORT, secure: false, ignoreTLS: true })
    .sendMail({
      from: a.contact.email,
      to: mail.replyTo!,
      subject: `Re: ${mail.subject}`,
      inReplyTo: mail.messageId!,
      references: [mail.messageId!],
      text: `${answer}\n\nOn Mon, Caseflow wrote:\n> Mail is delayed; we are on it ${tag}.\n`,
    });
  // Live (the timeline polls): no reload, and the quoted notification is not repeated.
  await expect(activity.getByText(answer)).toBeVisible({ timeout: 15_000 });
  await expect(activity.getByText(`> Mail is delayed`)).toHaveCount(0);
});
