import { expect, test, type Page } from "./support/test";
import { CaseState } from "../lib/domain/records/choices";
import { holdActions } from "./support/actions";
import { DEMO, signIn } from "./support/auth";
import { db } from "./support/db";

// PRO-3: an agent selects cases in an incident's Customer Cases and in the case list, notifies
// their customers, sees the counts and the comment on a case; the admin sees the emails with
// their reply addresses in the outbox.

const tag = `N${Date.now().toString(36)}`;
const seq = Date.now() % 1_000_000;
const num = (prefix: string, i: number) =>
  `${prefix}9${String(seq * 10 + i)
    .padStart(7, "0")
    .slice(-7)}`;

async function seed() {
  const user = (email: string) => db().user.findUniqueOrThrow({ where: { email } });
  const [carol, consumer] = [await user(DEMO.customer), await user(DEMO.consumer)];
  const incident = await db().incident.create({
    data: { number: num("INC", 0), shortDescription: `Storage outage ${tag}` },
  });
  const make = (i: number, data: object) =>
    db().case.create({
      data: { number: num("CS", i), shortDescription: `Storage slow ${tag} ${i}`, ...data },
    });
  const linked = [
    await make(1, { incidentId: incident.id, contactId: carol.id, proactive: true }),
    await make(2, { incidentId: incident.id, consumerId: consumer.id }),
    await make(3, { incidentId: incident.id, contactId: carol.id, state: CaseState.Cancelled }),
  ];
  const listed = [await make(4, { contactId: carol.id }), await make(5, { consumerId: consumer.id })];
  return { incident, linked, listed };
}

async function send(page: Page, message: string, expected: string) {
  await page.getByRole("button", { name: "Notify Customers" }).click();
  const dialog = page.getByRole("dialog", { name: "Notify Customers" });
  await dialog.getByLabel("Message").fill(message);
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog.getByRole("status")).toHaveText(expected);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
}

test("PRO-3: an agent notifies customers from an incident's cases and the case list; the admin sees the emails", async ({
  page,
}) => {
  const { incident, linked, listed } = await seed();
  await signIn(page, DEMO.agent);

  await page.goto(`/incidents/${incident.number}`);
  const section = page.getByRole("region", { name: "Customer Cases" });
  await expect(section.getByRole("row", { name: new RegExp(linked[0].number) })).toContainText("Proactive");
  await expect(section.getByRole("button", { name: "Notify Customers" })).toBeDisabled();
  await section.getByRole("checkbox", { name: "Select all" }).check();
  await expect(section.getByRole("checkbox", { name: `Select ${linked[2].number}` })).toBeChecked();
  await send(
    page,
    `The storage array is being replaced ${tag}.`,
    "Notified 2 cases; 2 emails queued; 1 skipped (1 Closed or Cancelled).",
  );

  await page.goto(`/cases?q=${encodeURIComponent(tag)}`);
  await expect(page.getByRole("row", { name: new RegExp(linked[0].number) })).toContainText("Proactive");
  await page.getByRole("checkbox", { name: `Select ${listed[0].number}` }).check();
  await page.getByRole("checkbox", { name: `Select ${listed[1].number}` }).check();
  await send(page, `Storage is back ${tag}.`, "Notified 2 cases; 2 emails queued; 0 skipped.");

  await page.goto(`/cases/${linked[0].number}`);
  await expect(page.getByRole("list", { name: "Activity" })).toContainText(
    `The storage array is being replaced ${tag}.`,
  );

  await page.context().clearCookies();
  await signIn(page, DEMO.admin);
  await page.goto("/admin/outbox");
  const mail = page.getByRole("row", { name: new RegExp(`Case ${linked[0].number}`) });
  await expect(mail).toContainText(DEMO.customer);
  await expect(mail).toContainText(/Reply to reply\+[0-9a-f]{32}@/);
  await expect(page.getByRole("row", { name: new RegExp(`Case ${listed[1].number}`) })).toContainText(
    DEMO.consumer,
  );
});

test("PRO-3: an itil user notifies the customer of an incident's case; the comment is theirs", async ({
  page,
}) => {
  const carol = await db().user.findUniqueOrThrow({ where: { email: DEMO.customer } });
  const incident = await db().incident.create({
    data: { number: num("INC", 1), shortDescription: `Network outage ${tag}` },
  });
  const linked = await db().case.create({
    data: {
      number: num("CS", 6),
      shortDescription: `Network slow ${tag}`,
      incidentId: incident.id,
      contactId: carol.id,
    },
  });
  await signIn(page, DEMO.itil);
  await page.goto(`/incidents/${incident.number}`);
  const section = page.getByRole("region", { name: "Customer Cases" });
  await section.getByRole("checkbox", { name: `Select ${linked.number}` }).check();
  await send(page, `The fulfillers found the fault ${tag}.`, "Notified 1 case; 1 email queued; 0 skipped.");
  await page.goto(`/cases/${linked.number}`);
  const entry = page
    .getByRole("list", { name: "Activity" })
    .getByRole("listitem")
    .filter({
      hasText: `The fulfillers found the fault ${tag}.`,
    });
  await expect(entry).toContainText("Ian Fulfiller");
});

test("PRO-3: while the message goes out, Dismiss and Escape wait; the answer shows in that dialog", async ({
  page,
}) => {
  const carol = await db().user.findUniqueOrThrow({ where: { email: DEMO.customer } });
  const held = await db().case.create({
    data: { number: num("CS", 7), shortDescription: `Held send ${tag}`, contactId: carol.id },
  });
  await signIn(page, DEMO.agent);
  await page.goto(`/cases?q=${encodeURIComponent(`Held send ${tag}`)}`);
  await page.getByRole("checkbox", { name: `Select ${held.number}` }).check();
  // The send is held on its way until the dialog has been tried.
  const release = await holdActions(page, "**/cases*");
  await page.getByRole("button", { name: "Notify Customers" }).click();
  const dialog = page.getByRole("dialog", { name: "Notify Customers" });
  await dialog.getByLabel("Message").fill(`Held message ${tag}.`);
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog.getByRole("button", { name: "Sending…" })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Dismiss" })).toBeDisabled();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeVisible();
  release();
  await expect(dialog.getByRole("status")).toHaveText("Notified 1 case; 1 email queued; 0 skipped.");
  // Once answered, Escape closes it again.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});
