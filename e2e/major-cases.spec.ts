import { expect, test, type Page } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { createCaseViaForm } from "./support/cases";

const activity = (page: Page) => page.getByRole("list", { name: "Activity" });
async function useMenu(page: Page, item: string) {
  await page.getByRole("button", { name: "Additional actions" }).click();
  await page.getByRole("menuitem", { name: item }).click();
}
async function propose(page: Page, impact: string) {
  await useMenu(page, "Propose Major Case");
  const dialog = page.getByRole("dialog", { name: "Propose Major Case" });
  await dialog.getByLabel("Work notes").fill("Card payments fail in every store since 09:10.");
  await dialog.getByLabel("Business impact").fill(impact);
  await dialog.getByRole("button", { name: "Propose" }).click();
  await expect(page.getByRole("note")).toContainText("Major case candidate");
}

/** MAJ-1: Accept Major Case says what it will open, then goes to the new major case. */
async function accept(manager: Page, candidate: string) {
  await manager.getByRole("button", { name: "Accept Major Case" }).click();
  const dialog = manager.getByRole("dialog", { name: "Accept Major Case" });
  await expect(dialog).toContainText(`${candidate} becomes its first child`);
  await dialog.getByRole("button", { name: "Accept Major Case" }).click();
  await expect(manager.getByRole("note")).toContainText("Major case with 1 child case");
}

test("MAJ-1 / MAJ-2 / MAJ-4 / MAJ-5: propose, accept in a second browser, add a child, watch notes and changes flow (a dismissed confirmation asks again)", async ({
  browser,
}) => {
  // A two-browser flow of many pages: on CI's 2 cores beside the other workers it needs more than 60 s.
  test.setTimeout(150_000);
  const agentCtx = await browser.newContext();
  const managerCtx = await browser.newContext();
  const itilCtx = await browser.newContext();
  const [agent, manager, itil] = [
    await agentCtx.newPage(),
    await managerCtx.newPage(),
    await itilCtx.newPage(),
  ];
  await signIn(agent, DEMO.agent);
  await signIn(manager, DEMO.manager);
  await signIn(itil, DEMO.itil);

  const stamp = Date.now();
  const candidate = await createCaseViaForm(agent, {
    shortDescription: `Payments failing ${stamp}`,
    account: "Acme Corporation",
    contact: "Carol Customer",
    priority: "2 - High",
  });
  await useMenu(agent, "Create Incident");
  const incident = (await agent
    .getByRole("region", { name: "Related Records" })
    .getByRole("link", { name: /^INC\d{7}$/ })
    .textContent())!;
  await propose(agent, "Every store is affected");
  const second = await createCaseViaForm(agent, {
    shortDescription: `Card terminal offline ${stamp}`,
    account: "Globex Industries",
    priority: "3 - Moderate",
  });

  await manager.goto("/major-cases");
  const candidates = manager.getByRole("table", { name: "Major case candidates" });
  await expect(candidates).toContainText(candidate);
  await expect(candidates).toContainText("Every store is affected");
  await candidates.getByRole("link", { name: candidate }).click();
  await accept(manager, candidate);
  const major = (await manager.getByRole("heading", { level: 1 }).textContent())!.split(" ")[0];
  expect(major).not.toBe(candidate);
  await expect(manager.getByRole("table", { name: "Child Cases" })).toContainText(candidate);
  await expect(
    manager.getByRole("region", { name: "Related Records" }).getByRole("link", { name: incident }),
  ).toBeVisible();

  const addForm = manager.getByRole("form", { name: "Add child cases" });
  await addForm.getByRole("combobox", { name: "Add child cases" }).fill(second);
  await addForm.getByRole("option", { name: new RegExp(second) }).click();
  await addForm.getByRole("button", { name: "Add" }).click();
  await expect(manager.getByRole("table", { name: "Child Cases" })).toContainText(second);

  // A child case: no create items, related records read-only.
  await agent.goto(`/cases/${candidate}`);
  await expect(agent.getByRole("note")).toContainText(`Child of major case ${major}`);
  await expect(agent.getByRole("button", { name: "Additional actions" })).toHaveCount(0);
  await expect(agent.getByRole("form", { name: "Related Records" })).toHaveCount(0);

  // An update of the shared incident: once on the major case, copied to the children.
  await itil.goto(`/incidents/${incident}`);
  const text = `Acquirer confirms an outage ${stamp}`;
  await itil.getByLabel("Additional comments").fill(text);
  await itil.getByRole("button", { name: "Post" }).click();
  await expect(activity(itil)).toContainText(text);
  for (const number of [major, candidate, second]) {
    await agent.goto(`/cases/${number}`);
    await expect(activity(agent).getByRole("listitem").filter({ hasText: text }), number).toHaveCount(1);
  }

  // A synced field on the major case: the manager confirms, the children follow.
  await manager.reload();
  await manager.getByLabel("Priority").selectOption({ label: "1 - Critical" });
  await manager.getByRole("button", { name: "Save" }).click();
  const confirm = manager.getByRole("dialog", { name: "Update child cases?" });
  await expect(confirm).toContainText("This will update 2 child cases: each open one gets the new priority.");
  // Dismissed, nothing is saved; Save again asks again — the same question opens the dialog again.
  await confirm.getByRole("button", { name: "Dismiss" }).click();
  await expect(confirm).toBeHidden();
  await manager.getByRole("button", { name: "Save" }).click();
  await expect(confirm).toContainText("This will update 2 child cases: each open one gets the new priority.");
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(manager.getByRole("status")).toHaveText("Case saved.");
  await agent.goto(`/cases/${second}`);
  await expect(agent.getByLabel("Priority")).toHaveValue("1");
  await expect(agent.getByRole("list", { name: "History" })).toContainText(
    "Priority: 3 - Moderate → 1 - Critical",
  );

  // MAJ-2: removing a child is confirmed, then it is an ordinary case again.
  const children = manager.getByRole("table", { name: "Child Cases" });
  await children.getByRole("button", { name: `Remove ${second} from this major case` }).click();
  const removal = manager.getByRole("dialog", { name: `Remove ${second} from ${major}?` });
  await expect(removal).toContainText(`${second} becomes an ordinary case again`);
  await removal.getByRole("button", { name: "Remove" }).click();
  await expect(manager.getByRole("status").filter({ hasText: `${second} removed.` })).toBeVisible();
  await expect(children).not.toContainText(second);
  await agent.goto(`/cases/${second}`);
  await expect(agent.getByRole("note").filter({ hasText: "Child of major case" })).toHaveCount(0);
  await expect(activity(agent)).toContainText(`Removed from major case ${major}.`);
  await expect(agent.getByRole("button", { name: "Additional actions" })).toBeVisible();

  // A removal confirmed after someone else made it is refused in the dialog, saying why.
  const other = await managerCtx.newPage();
  await other.goto(`/cases/${major}`);
  await children.getByRole("button", { name: `Remove ${candidate} from this major case` }).click();
  await other
    .getByRole("table", { name: "Child Cases" })
    .getByRole("button", { name: `Remove ${candidate} from this major case` })
    .click();
  await other.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(other.getByRole("status").filter({ hasText: `${candidate} removed.` })).toBeVisible();
  const late = manager.getByRole("dialog", { name: `Remove ${candidate} from ${major}?` });
  await late.getByRole("button", { name: "Remove" }).click();
  await expect(late.getByRole("alert")).toHaveText(`${candidate} is not a child of ${major}.`);
  for (const c of [agentCtx, managerCtx, itilCtx]) await c.close();
});

test("MAJ-1: a rejected candidate goes back to an ordinary case", async ({ browser }) => {
  const agentCtx = await browser.newContext();
  const managerCtx = await browser.newContext();
  const [agent, manager] = [await agentCtx.newPage(), await managerCtx.newPage()];
  await signIn(agent, DEMO.agent);
  await signIn(manager, DEMO.manager);
  const number = await createCaseViaForm(agent, { shortDescription: `Slow invoices ${Date.now()}` });
  await propose(agent, "One branch office");
  await expect(agent.getByRole("button", { name: "Accept Major Case" })).toHaveCount(0);

  await manager.goto(`/cases/${number}`);
  await manager.getByRole("button", { name: "Reject Major Case" }).click();
  const dialog = manager.getByRole("dialog", { name: "Reject Major Case" });
  await dialog.getByRole("button", { name: "Reject" }).click();
  await expect(dialog.getByText("A reason is required to reject a major case proposal.")).toBeVisible();
  await dialog.getByLabel("Reason").fill("Only one office is affected; handle it as a normal case.");
  await dialog.getByRole("button", { name: "Reject" }).click();
  await expect(manager.getByRole("note")).toContainText(
    "Major case proposal rejected: Only one office is affected",
  );

  await agent.reload();
  await expect(activity(agent)).toContainText("Major case proposal rejected");
  await agent.getByRole("button", { name: "Additional actions" }).click();
  await expect(agent.getByRole("menuitem", { name: "Propose Major Case" })).toBeVisible();
  await manager.goto("/major-cases");
  await expect(manager.getByRole("region", { name: "Major case candidates" })).not.toContainText(number);
  await agentCtx.close();
  await managerCtx.close();
});

test("MAJ-2: the major issue manager creates an incident from the major case", async ({ browser }) => {
  const agentCtx = await browser.newContext();
  const managerCtx = await browser.newContext();
  const [agent, manager] = [await agentCtx.newPage(), await managerCtx.newPage()];
  await signIn(agent, DEMO.agent);
  await signIn(manager, DEMO.manager);
  const number = await createCaseViaForm(agent, { shortDescription: `Website down ${Date.now()}` });
  await propose(agent, "All online sales stopped");
  await manager.goto(`/cases/${number}`);
  await accept(manager, number);
  await useMenu(manager, "Create Incident");
  await expect(
    manager.getByRole("region", { name: "Related Records" }).getByRole("link", { name: /^INC\d{7}$/ }),
  ).toBeVisible();
  await expect(activity(manager)).toContainText("created from this case.");
  await agentCtx.close();
  await managerCtx.close();
});
