import { expect, type Browser, type Locator } from "./test";
import { signIn } from "./auth";

/** Nothing of the table lies past its scroll box: the person sees every column without scrolling sideways. */
export async function expectTableFits(table: Locator) {
  const [scrollWidth, clientWidth] = await table.evaluate((t) => [
    t.parentElement!.scrollWidth,
    t.parentElement!.clientWidth,
  ]);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** A new browser context of `width` × `height` pixels, signed in as `email`: a person on that screen. */
export async function signedInAt(browser: Browser, email: string, width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}
