// Every e2e test's `test`: Playwright's, with each browser page watched. A test fails when a page it
// opened threw an uncaught error or logged an error to the console — a hydration mismatch, a
// script the CSP refused (REL-5), a React error, an answer of 500 or more — though every step
// it checks passed. Pages of contexts a test makes itself (`browser.newContext()`, two people in two
// browsers) are watched too. Expected by the tests that provoke them: a 4xx answer (a forbidden or
// missing record, a refused input) and a request a test aborted (`net::ERR_…`), both of which
// Chromium logs as "Failed to load resource".
import { test as base, type BrowserContext, type Page } from "@playwright/test";

export { expect } from "@playwright/test";
export type * from "@playwright/test";

const EXPECTED = /^Failed to load resource: (the server responded with a status of 4\d\d\b|net::ERR_)/;

/** What the pages of the running test reported (one test at a time per worker process). */
const reported: string[] = [];

function watchPage(page: Page) {
  page.on("pageerror", (e) => reported.push(`${page.url()}: uncaught ${e.name}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !EXPECTED.test(m.text()))
      reported.push(`${page.url()}: console error: ${m.text()}`);
  });
}

const watched = new WeakSet<BrowserContext>();
function watchContext(context: BrowserContext) {
  // The `context` fixture's context may come through the watched `newContext` too: watched once.
  if (watched.has(context)) return;
  watched.add(context);
  context.pages().forEach(watchPage);
  context.on("page", watchPage);
}

export const test = base.extend<{ browserErrors: void }>({
  browser: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        watchContext(context);
        return context;
      };
      await use(browser);
    },
    { scope: "worker" },
  ],
  context: async ({ context }, use) => {
    watchContext(context);
    await use(context);
  },
  browserErrors: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, testInfo) => {
      reported.length = 0;
      await use();
      // A test that already failed keeps its own error first; these are added to it.
      if (reported.length)
        throw new Error(
          `the browser reported ${reported.length} error(s) during "${testInfo.title}":\n${reported.join("\n")}`,
        );
    },
    { auto: true },
  ],
});
