// SET-2 / SET-3: an account with more contacts than a select lists (SELECT_LIMIT, 200) — an import
// of 10,000 makes one. Its Primary contact stays what it is when the account is saved (a select of
// the first 200 had dropped it, and a save cleared it), and the account page, the case form and New
// case reach every contact through a typeahead filtered by the account.
import { randomInt } from "node:crypto";
import { expect, test } from "./support/test";
import { CaseState } from "../lib/domain/records/choices";
import { DEMO, signIn } from "./support/auth";
import { db } from "./support/db";
import { pickInTypeahead } from "./support/typeahead";

const pick = pickInTypeahead;

test("SET-2 / SET-3: past 200 contacts the primary contact survives a save, and every contact is reachable by typeahead", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now().toString(36)}${randomInt(1000)}`;
  const name = `Many Contacts ${stamp}`;
  const account = await db().account.create({
    data: { number: `ACCMC${stamp}`, name, nameKey: name.toLowerCase() },
  });
  const names = Array.from({ length: 205 }, (_, i) => `Contact ${stamp} ${String(i).padStart(3, "0")}`);
  await db().user.createMany({
    data: names.map((n, i) => ({
      email: `mc-${stamp}-${i}@test.example`,
      name: n,
      kind: "contact",
      accountId: account.id,
    })),
  });
  const people = await db().user.findMany({ where: { accountId: account.id }, orderBy: { name: "asc" } });
  // The primary contact sorts past the 200th, as the import's first row may.
  const [primary, other, forCase, forNew] = [people[203], people[202], people[201], people[204]];
  await db().account.update({ where: { id: account.id }, data: { primaryContactId: primary.id } });

  await signIn(page, DEMO.manager);
  await page.goto(`/admin/accounts/${account.number}`);
  const details = page.getByRole("form", { name: "Account details" });
  await expect(details.getByRole("combobox", { name: "Primary contact" })).toHaveValue(primary.name);
  await details.getByLabel("Name").fill(`${name} renamed`);
  await details.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name} renamed`);
  const saved = await db().account.findUniqueOrThrow({ where: { id: account.id } });
  expect(saved.primaryContactId).toBe(primary.id);

  await pick(page, page.getByRole("form", { name: "Account details" }), "Primary contact", other.name);
  await page.getByRole("form", { name: "Account details" }).getByRole("button", { name: "Save" }).click();
  await expect
    .poll(async () => (await db().account.findUniqueOrThrow({ where: { id: account.id } })).primaryContactId)
    .toBe(other.id);

  // The case form: a case of this account offers its contacts through a typeahead, past the 200th too.
  const c = await db().case.create({
    data: {
      number: `CS8${randomInt(100_000, 999_999)}`,
      shortDescription: `Many contacts ${stamp}`,
      state: CaseState.Open,
      accountId: account.id,
    },
  });
  const agent = await (await browser.newContext()).newPage();
  await signIn(agent, DEMO.agent);
  await agent.goto(`/cases/${c.number}`);
  const form = agent.getByRole("form", { name: "Case details" });
  await pick(agent, form, "Contact", forCase.name);
  await form.getByRole("button", { name: "Save" }).click();
  await expect
    .poll(async () => (await db().case.findUniqueOrThrow({ where: { id: c.id } })).contactId)
    .toBe(forCase.id);

  // Another Account on the case: its typeahead Contact follows, a select of the new account's few.
  await agent.reload();
  const caseForm = agent.getByRole("form", { name: "Case details" });
  await caseForm.getByLabel("Account", { exact: true }).selectOption({ label: "Acme Corporation" });
  const contact = caseForm.getByLabel("Contact", { exact: true });
  await expect(contact.locator("option", { hasText: "Carol Customer" })).toHaveCount(1);
  await contact.selectOption({ label: "Carol Customer" });
  await caseForm.getByRole("button", { name: "Save" }).click();
  const carol = await db().user.findFirstOrThrow({ where: { name: "Carol Customer" } });
  await expect
    .poll(async () => (await db().case.findUniqueOrThrow({ where: { id: c.id } })).contactId)
    .toBe(carol.id);

  // New case: choosing the account turns Contact into a typeahead over its contacts.
  await agent.goto("/cases/new");
  await agent.getByLabel("Short description").fill(`Many contacts new ${stamp}`);
  await agent.getByLabel("Account").selectOption({ label: `${name} renamed` });
  // Once the account's contacts have answered (more than a select lists), the select is a typeahead.
  await expect(agent.locator("input#f-contactId")).toBeVisible();
  await pick(agent, agent, "Contact", forNew.name);
  await agent.getByRole("button", { name: "Create" }).click();
  await expect(agent).toHaveURL(/\/cases\/CS\d{7}$/);
  const made = await db().case.findUniqueOrThrow({ where: { number: agent.url().split("/").pop()! } });
  expect(made).toMatchObject({ accountId: account.id, contactId: forNew.id });
});
