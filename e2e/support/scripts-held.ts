import type { Page, Route } from "@playwright/test";

/**
 * Opens `path` with every script chunk held back (the page's HTML is there, its script is not)
 * until the returned function is called: what a person can do in the first moments of a slow load.
 */
export async function openWithScriptsHeld(page: Page, path: string) {
  const held: Route[] = [];
  let release = false;
  await page.route("**/_next/static/chunks/**/*.js", (route) =>
    release ? route.continue() : held.push(route),
  );
  await page.goto(path, { waitUntil: "commit" });
  return async () => {
    release = true;
    await Promise.all(held.splice(0).map((route) => route.continue()));
  };
}
