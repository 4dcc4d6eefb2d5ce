// WRK-4, WRK-1: with more internal users than a select lists (SELECT_LIMIT, 200), the case list's
// Assigned to filter, the bulk Assign dialog and the assignment groups' Manager and Add member
// pickers still reach every person, through a typeahead. @global: the people it makes turn every
// people select of the app into a typeahead while it runs; it runs after the others, alone
// (playwright.config.ts), and deactivates them at the end.
import { randomInt } from "node:crypto";
import { expect, test } from "./support/test";
import { ROLE } from "../lib/domain/auth/roles";
import { CaseState } from "../lib/domain/records/choices";
import { groupNameKey } from "../lib/domain/assignment/schemas";
import { expectAccessible } from "./support/axe";
import { DEMO, signIn } from "./support/auth";
import { optionsRenewedSince } from "./support/options";
import { openWithScriptsHeld } from "./support/scripts-held";
import { db, makeUser } from "./support/db";
import { pickInTypeahead } from "./support/typeahead";

const pickPerson = pickInTypeahead;

test("@global WRK-4 WRK-1: with more people than a select lists, the Assigned to filter, bulk Assign and a group's pickers reach them through a typeahead", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const names = Array.from({ length: 201 }, (_, i) => `Pickperson ${stamp} ${String(i).padStart(3, "0")}`);
  await db().user.createMany({
    data: names.map((name, i) => ({ email: `pick-${stamp}-${i}@test.example`, name, kind: "internal" })),
  });
  const people = await db().user.findMany({ where: { name: { in: names } }, orderBy: { name: "asc" } });
  // Assignable: an internal role each (lib/server/assignment/members.ts).
  await db().userRole.createMany({ data: people.map((p) => ({ userId: p.id, role: ROLE.agent })) });
  const made = Date.now();
  const [filtered, assigned, manager, member] = [people[137], people[138], people[139], people[140]];
  try {
    const open = (n: number, assignedToId: number | null) =>
      db().case.create({
        data: {
          number: `CS7${randomInt(100_000, 999_999)}`,
          shortDescription: `People filter ${stamp} ${n}`,
          state: CaseState.Open,
          assignedToId,
        },
      });
    const mine = await open(1, filtered.id);
    const other = await open(2, null);
    await optionsRenewedSince(made);

    // The list filtered by a person: "A person…", then the typeahead.
    await signIn(page, DEMO.agent);
    await page.goto("/cases");
    const filters = page.getByRole("search", { name: "Filter cases" });
    await filters.getByLabel("Contains").fill(`People filter ${stamp}`);
    await filters.getByLabel("Assigned to", { exact: true }).selectOption({ label: "A person…" });
    // Applied with nobody picked, it filters by no one: the field says so and stays as it was.
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]assignedTo=someone(&|$)/);
    const personField = filters.getByRole("combobox", { name: "Assigned to: person" });
    await expect(filters.getByRole("alert")).toHaveText(
      "Assigned to: pick a person, or choose another option.",
    );
    await expect(personField).toHaveAttribute("aria-invalid", "true");
    await expect(filters.getByLabel("Assigned to", { exact: true })).toHaveValue("someone");
    await expect(filters.getByLabel("Contains")).toHaveValue(`People filter ${stamp}`);
    // Another choice is not what the message was about: it goes, and comes back with "A person…".
    await filters.getByLabel("Assigned to", { exact: true }).selectOption({ label: "Me" });
    await expect(filters.getByRole("alert")).toHaveCount(0);
    await expect(filters.getByLabel("Assigned to", { exact: true })).toHaveAttribute("aria-invalid", "false");
    await filters.getByLabel("Assigned to", { exact: true }).selectOption({ label: "A person…" });
    await expect(personField).toHaveAttribute("aria-invalid", "true");
    await pickPerson(page, filters, "Assigned to: person", filtered.name);
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]assignedTo=${filtered.id}(&|$)`));
    const rows = page.getByRole("main").getByRole("row");
    await expect(rows.filter({ hasText: mine.number })).toHaveCount(1);
    await expect(rows.filter({ hasText: other.number })).toHaveCount(0);
    // The server names the person again; back to Anyone lists both.
    await expect(filters.getByRole("combobox", { name: "Assigned to: person" })).toHaveValue(filtered.name);
    // One field submits the filter: the select, whose "A person…" carries the person's id.
    await expect(filters.getByLabel("Assigned to", { exact: true })).toHaveValue(String(filtered.id));
    await filters.getByLabel("Assigned to", { exact: true }).selectOption({ label: "Anyone" });
    await expect(filters.getByRole("combobox", { name: "Assigned to: person" })).toHaveCount(0);
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]assignedTo=(&|$)/);
    await expect(rows.filter({ hasText: other.number })).toHaveCount(1);

    // Before the page's script has run, the select alone decides too: Unassigned replaces the person.
    await openWithScriptsHeld(page, `/cases?q=People+filter+${stamp}&assignedTo=${filtered.id}`);
    await filters.getByLabel("Assigned to", { exact: true }).selectOption({ label: "Unassigned" });
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]assignedTo=none(&|$)/);
    // The scripts held for the page left behind are dropped; this one loads with its own.
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.reload();
    await expect(rows.filter({ hasText: other.number })).toHaveCount(1);
    await expect(rows.filter({ hasText: mine.number })).toHaveCount(0);

    // Bulk Assign to a person through the typeahead.
    await page.getByRole("checkbox", { name: `Select ${other.number}` }).check();
    await page.getByRole("group", { name: "Bulk actions" }).getByRole("button", { name: "Assign" }).click();
    const dialog = page.getByRole("dialog", { name: "Assign 1 case" });
    await dialog.getByLabel("Assigned to", { exact: true }).selectOption({ label: "A person…" });
    // "A person…" with nobody picked changes nothing: it is refused, naming the field.
    await dialog.getByRole("button", { name: "Apply" }).click();
    await expect(dialog.getByText("Assigned to: pick a person, or choose another option.")).toBeVisible();
    await pickPerson(page, dialog, "Assigned to: person", assigned.name);
    await expectAccessible(page, "/cases bulk Assign dialog with the person typeahead");
    await dialog.getByRole("button", { name: "Apply" }).click();
    await expect(dialog.getByRole("status")).toHaveText("1 case changed.");
    await expect(dialog).toContainText(`${other.number}: assigned to ${assigned.name}`);
    expect((await db().case.findUniqueOrThrow({ where: { id: other.id } })).assignedToId).toBe(assigned.id);
    await dialog.getByRole("button", { name: "Close" }).click();

    // Bulk Assign within a group of more members than a select lists: its members' typeahead reaches
    // the last of them (the select stopped at the 200th).
    const bigName = `Big group ${stamp}`;
    const big = await db().group.create({ data: { name: bigName, nameKey: groupNameKey(bigName) } });
    await db().groupMember.createMany({ data: people.map((p) => ({ groupId: big.id, userId: p.id })) });
    await optionsRenewedSince(Date.now());
    await page.goto(`/cases?q=People+filter+${stamp}`);
    await page.getByRole("checkbox", { name: `Select ${other.number}` }).check();
    await page.getByRole("group", { name: "Bulk actions" }).getByRole("button", { name: "Assign" }).click();
    const inGroup = page.getByRole("dialog", { name: "Assign 1 case" });
    await inGroup.getByLabel("Assignment group").selectOption({ label: bigName });
    await inGroup.getByLabel("Assigned to", { exact: true }).selectOption({ label: "A person…" });
    const last = people[200];
    await pickPerson(page, inGroup, "Assigned to: person", last.name);
    await inGroup.getByRole("button", { name: "Apply" }).click();
    await expect(inGroup.getByRole("status")).toHaveText("1 case changed.");
    expect(await db().case.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      assignmentGroupId: big.id,
      assignedToId: last.id,
    });
    await inGroup.getByRole("button", { name: "Close" }).click();

    // A group made with a manager and a member picked through typeaheads; saving its new name
    // keeps the manager.
    await page.context().clearCookies(); // signed out: the agent's session ends here
    await signIn(page, DEMO.admin);
    await page.goto("/admin/groups");
    const groupName = `People group ${stamp}`;
    const create = page.getByRole("region", { name: "New group" });
    await create.getByLabel("Name").fill(groupName);
    await pickPerson(page, create, "Manager", manager.name);
    await create.getByRole("button", { name: "Create group" }).click();
    const card = page.getByRole("region", { name: groupName });
    await expect(card).toBeVisible();
    await expect(card.getByRole("combobox", { name: "Manager", exact: true })).toHaveValue(manager.name);
    // The new-group form starts empty again, its typeahead too.
    await expect(create.getByRole("combobox", { name: "Manager", exact: true })).toHaveValue("");
    await pickPerson(page, card, "Add member", member.name);
    await card.getByRole("button", { name: "Add", exact: true }).click();
    await expect(card.getByRole("listitem").filter({ hasText: member.name })).toBeVisible();
    await expect(card.getByRole("combobox", { name: "Add member", exact: true })).toHaveValue("");
    // A member is not offered again, though the same search was answered before they joined.
    await card.getByRole("combobox", { name: "Add member", exact: true }).fill(member.name);
    await expect(card.getByText("No matches", { exact: true }).first()).toBeAttached();
    await expect(page.getByRole("option", { name: member.name })).toHaveCount(0);
    // The popup is a dialog named by its field, like its list (axe: aria-dialog-name).
    await expect(page.getByRole("dialog", { name: "Add member" })).toContainText("No matches");
    // The open "No matches" is plain text beside an empty list, not a listbox without options.
    await expectAccessible(page, "/admin/groups with a typeahead that found no one");
    await card.getByRole("combobox", { name: "Add member", exact: true }).fill("");
    await expectAccessible(page, "/admin/groups with people typeaheads");
    await card.getByLabel("Name").fill(`${groupName} renamed`);
    await card.getByRole("button", { name: "Save" }).click();
    const renamed = page.getByRole("region", { name: `${groupName} renamed` });
    await expect(renamed).toBeVisible();
    const group = await db().group.findFirstOrThrow({ where: { name: `${groupName} renamed` } });
    expect(group.managerId).toBe(manager.id);
  } finally {
    await db().user.updateMany({ where: { name: { in: names } }, data: { active: false } });
    // The tests after this one find the people selects they expect.
    await optionsRenewedSince(Date.now());
  }
});

test("WRK-1 WRK-4: a person deactivated since stays named — a group's manager is kept when its name is saved, and a list filtered by them says so", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const { email } = await makeUser([ROLE.agent], `Gone Manager ${stamp}`);
  const gone = await db().user.update({ where: { email }, data: { active: false } });
  const groupName = `Kept manager ${stamp}`;
  await db().group.create({
    data: { name: groupName, nameKey: groupName.toLowerCase(), managerId: gone.id },
  });

  await signIn(page, DEMO.admin);
  await page.goto("/admin/groups");
  const card = page.getByRole("region", { name: groupName });
  await expect(card.getByLabel("Manager").locator("option:checked")).toHaveText(gone.name);
  await card.getByLabel("Name").fill(`${groupName} renamed`);
  await card.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("region", { name: `${groupName} renamed` })).toBeVisible();
  expect((await db().group.findFirstOrThrow({ where: { name: `${groupName} renamed` } })).managerId).toBe(
    gone.id,
  );

  await page.goto(`/cases?assignedTo=${gone.id}`);
  const assignedTo = page
    .getByRole("search", { name: "Filter cases" })
    .getByLabel("Assigned to", { exact: true });
  await expect(assignedTo).toHaveValue(String(gone.id));
  await expect(assignedTo.locator("option:checked")).toHaveText(gone.name);
  // A link to another filter of the page shows that filter's values, not the last one's.
  await page.getByRole("search", { name: "Filter cases" }).getByRole("link", { name: "My cases" }).click();
  await expect(page).toHaveURL(/[?&]assignedTo=me(&|$)/);
  await expect(assignedTo).toHaveValue("me");
});
