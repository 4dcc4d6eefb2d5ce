import { expect, type Page } from "@playwright/test";

export type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };

/**
 * Posts a work note through the journal composer and returns the server action request the
 * page made (the headers a replay needs, and the raw body), so tests can send variants of it.
 */
export async function captureJournalPost(page: Page, text: string): Promise<CapturedAction> {
  const sent = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByLabel("Work notes").fill(text);
  await page.getByRole("button", { name: "Post" }).click();
  const request = await sent;
  await expect(page.getByLabel("Work notes")).toHaveValue("");
  const keep = ["content-type", "next-action", "next-router-state-tree", "accept", "origin"];
  const headers = Object.fromEntries(Object.entries(request.headers()).filter(([k]) => keep.includes(k)));
  return { url: request.url(), headers, body: request.postDataBuffer()! };
}

/**
 * Holds every server action posted to pages matching `url` on its way until the returned release is
 * called — to try a dialog while its form is sending.
 */
export async function holdActions(page: Page, url: string): Promise<() => void> {
  let release = () => {};
  const holding = new Promise<void>((r) => (release = r));
  await page.route(url, async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) await holding;
    await route.continue();
  });
  return release;
}
