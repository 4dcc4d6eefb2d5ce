// A click in the first moments of a slow load: until React has hydrated the page, buttons that only
// work with the page's script take no pointer input (a click would otherwise move focus and do
// nothing); submit buttons work without script. Found when WRK-4's Save view click was lost in CI.
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";

test("WRK-4: before the script runs, script-only buttons and row checkboxes take no clicks and submit buttons do; after, all do", async ({
  browser,
  page,
}) => {
  await signIn(page, DEMO.agent);
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const raw = await noScript.newPage();
  await raw.goto("/cases");
  const pointer = (name: string, role: "button" | "checkbox" = "button") =>
    raw
      .getByRole("main")
      .getByRole(role, { name, exact: true })
      .first()
      .evaluate((el) => getComputedStyle(el).pointerEvents);
  expect(await raw.evaluate(() => document.documentElement.hasAttribute("data-hydrating"))).toBe(true);
  expect(await pointer("Save view")).toBe("none");
  expect(await pointer("Select all", "checkbox")).toBe("none");
  expect(
    await raw.getByRole("button", { name: "Apply" }).evaluate((el) => getComputedStyle(el).pointerEvents),
  ).toBe("auto");
  await noScript.close();

  await page.goto("/cases");
  await expect(page.locator("html")).not.toHaveAttribute("data-hydrating");
  expect(
    await page
      .getByRole("button", { name: "Save view" })
      .evaluate((el) => getComputedStyle(el).pointerEvents),
  ).toBe("auto");
});
