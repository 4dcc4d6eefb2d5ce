// WRK-4: the case list's Account filter. The @global test gives the directory more active accounts
// than a select lists (SELECT_LIMIT, 200), which turns every account select of the app into a
// typeahead while it runs; it runs after the others, alone (playwright.config.ts), and deactivates
// what it made.
import { randomInt } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { CaseState } from "../lib/domain/records/choices";
import { expectAccessible } from "./support/axe";
import { DEMO, signIn } from "./support/auth";
import { optionsRenewedSince } from "./support/options";
import { db, makeAccounts } from "./support/db";

const accountFilter = (page: Page) =>
  page.getByRole("search", { name: "Filter cases" }).getByRole("combobox", { name: "Account" });

test("@global WRK-4: with more accounts than a select lists, an agent filters the case list by account through a typeahead", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const names = Array.from({ length: 201 }, (_, i) => `Filterco ${stamp} ${String(i).padStart(3, "0")}`);
  await db().account.createMany({
    data: names.map((name, i) => ({ number: `ACCF${stamp}${i}`, name, nameKey: name.toLowerCase() })),
  });
  const made = Date.now();
  try {
    const [target, other] = await Promise.all(
      [names[137], names[138]].map((name) => db().account.findFirstOrThrow({ where: { name } })),
    );
    const open = (accountId: number, n: number) =>
      db().case.create({
        data: {
          number: `CS6${randomInt(100_000, 999_999)}`,
          shortDescription: `Account filter ${stamp} ${n}`,
          state: CaseState.Open,
          accountId,
        },
      });
    const mine = await open(target.id, 1);
    const theirs = await open(other.id, 2);
    await optionsRenewedSince(made);

    await signIn(page, DEMO.agent);
    await page.goto("/cases");
    const filters = page.getByRole("search", { name: "Filter cases" });
    await filters.getByLabel("Contains").fill(`Account filter ${stamp}`);
    const picker = accountFilter(page);
    await picker.fill(`Filterco ${stamp} 137`);
    await expectAccessible(page, "/cases with the Account typeahead's list open");
    await page.getByRole("listbox").getByRole("option", { name: target.name }).click();
    await expect(picker).toHaveValue(target.name);
    await filters.getByRole("button", { name: "Apply" }).click();

    // The URL carries the account's id; the list shows its case only; the filter names it again.
    await expect(page).toHaveURL(new RegExp(`[?&]account=${target.id}(&|$)`));
    const rows = page.getByRole("main").getByRole("row");
    await expect(rows.filter({ hasText: mine.number })).toHaveCount(1);
    await expect(rows.filter({ hasText: theirs.number })).toHaveCount(0);
    await expect(accountFilter(page)).toHaveValue(target.name);

    // Emptied, its list closed, and applied with Enter (no blur comes first), the typeahead filters
    // by no account: both cases are listed again.
    await accountFilter(page).fill("");
    await accountFilter(page).press("Escape");
    await accountFilter(page).press("Enter");
    await expect(page).toHaveURL(/[?&]account=(&|$)/);
    await expect(rows.filter({ hasText: mine.number })).toHaveCount(1);
    await expect(rows.filter({ hasText: theirs.number })).toHaveCount(1);
    await expect(accountFilter(page)).toHaveValue("");
  } finally {
    await db().account.updateMany({ where: { name: { in: names } }, data: { active: false } });
    // The tests after this one find the account selects they expect.
    await optionsRenewedSince(Date.now());
  }
});

test("WRK-4: a list filtered by a deactivated account names it in the Account select, and keeps it when applied", async ({
  page,
}) => {
  const [name] = await makeAccounts(["Closed"]);
  const account = await db().account.update({
    where: { nameKey: name.toLowerCase() },
    data: { active: false },
  });
  await signIn(page, DEMO.agent);
  await page.goto(`/cases?account=${account.id}`);
  const select = page.getByRole("search", { name: "Filter cases" }).getByLabel("Account");
  await expect(select).toHaveValue(String(account.id));
  await expect(select.locator("option:checked")).toHaveText(name);
  await page.getByRole("search", { name: "Filter cases" }).getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]account=${account.id}(&|$)`));
});
