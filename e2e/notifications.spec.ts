// NOT-2 as an agent does it: their own email notifications at /account/notifications, each kind an
// on/off switch that saves at once and stays as they left it.
import { expect, test } from "./support/test";
import { DEMO, signIn } from "./support/auth";

test("NOT-2: an agent turns Customer replied off at /account/notifications; it stays off after a reload", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.agent);
  await page.getByRole("banner").getByRole("link", { name: "Notifications" }).click();
  await expect(page).toHaveURL(/\/account\/notifications$/);
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  const replied = page.getByRole("switch", { name: "Customer replied" });
  const assigned = page.getByRole("switch", { name: "Assigned to me" });
  await expect(replied).toHaveAttribute("aria-checked", "true");
  await expect(assigned).toHaveAttribute("aria-checked", "true");

  await replied.click();
  await expect(replied).toHaveAttribute("aria-checked", "false");
  await page.reload();
  await expect(replied).toHaveAttribute("aria-checked", "false");
  await expect(assigned).toHaveAttribute("aria-checked", "true"); // the other kind is untouched

  // Back on, as the demo agent had it (other tests' emails to them stay as they were).
  await replied.click();
  await expect(replied).toHaveAttribute("aria-checked", "true");
  await page.reload();
  await expect(replied).toHaveAttribute("aria-checked", "true");

  // A customer has no agent notifications: the page sends them to the portal.
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, DEMO.customer);
  await customer.goto("/account/notifications");
  await expect(customer).toHaveURL(/\/portal$/);
});

test("NOT-2 / MAJ-1: a major issue manager can turn Major case proposed off; an agent is not offered it, but Major case decided", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.manager);
  await page.goto("/account/notifications");
  const proposed = page.getByRole("switch", { name: "Major case proposed" });
  await expect(proposed).toHaveAttribute("aria-checked", "true");
  await proposed.click();
  await expect(proposed).toHaveAttribute("aria-checked", "false");
  await page.reload();
  await expect(proposed).toHaveAttribute("aria-checked", "false");
  await proposed.click(); // back on, as the demo manager had it
  await expect(proposed).toHaveAttribute("aria-checked", "true");

  const agentCtx = await browser.newContext();
  const agent = await agentCtx.newPage();
  await signIn(agent, DEMO.agent);
  await agent.goto("/account/notifications");
  await expect(agent.getByRole("switch", { name: "Assigned to me" })).toBeVisible();
  await expect(agent.getByRole("switch", { name: "Major case proposed" })).toHaveCount(0);
  // The agent proposes, so hears the decision — theirs to turn off too.
  await expect(agent.getByRole("switch", { name: "Major case decided" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await agentCtx.close();
});
