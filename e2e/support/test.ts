// Every e2e test's `test`: Playwright's, with each browser page watched. A test fails when a page it
// opened threw an uncaught error or logged an error to the console — a hydration mismatch, a
// script the CSP refused (REL-5), a React error, an answer of 500 or more, a build file missing —
// though every step it checks passed. Pages of contexts a test makes itself (`browser.newContext()`,
// two people in two browsers) are watched too, each reporting to the test that made its context,
// and such a context is closed when its test ends (a page left open would go on running, and
// reporting, under the next test). Expected by the tests that provoke them: a 4xx answer to a page
// or an API request (a forbidden or missing record, a refused input) and a request cancelled by a
// navigation (`net::ERR_ABORTED`), both of which Chromium logs as "Failed to load resource".
// Pages opened in beforeAll/afterAll hooks are not watched (no spec opens one there).
import { test as base, type BrowserContext, type ConsoleMessage, type Page } from "@playwright/test";

export { expect } from "@playwright/test";
export type * from "@playwright/test";

type Watch = { reports: string[]; contexts: Set<BrowserContext> };

const FAILED_LOAD =
  /^Failed to load resource: (the server responded with a status of (\d{3})|net::(ERR_\w+))/;

/** Whether a console error is one the tests provoke on purpose. */
function expected(m: ConsoleMessage): boolean {
  const failed = FAILED_LOAD.exec(m.text());
  if (!failed) return false;
  if (failed[3]) return failed[3] === "ERR_ABORTED";
  // A 4xx for the build's own files is never expected: a page would miss its script or styles.
  return failed[2].startsWith("4") && !m.location().url.includes("/_next/static/");
}

/** The test that made each context (set when it is made, or by the `context` fixture). */
const owner = new WeakMap<BrowserContext, Watch>();
/** The running test's watch: one test at a time runs in a worker process. */
let running: Watch | undefined;

function watchPage(page: Page, context: BrowserContext) {
  const report = (text: string) => owner.get(context)?.reports.push(`${page.url()}: ${text}`);
  page.on("pageerror", (e) => report(`uncaught ${e.name}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !expected(m)) report(`console error: ${m.text()}`);
  });
}

/** `watch` owns `context` from now on; its pages are watched once, from the first adoption. */
function adopt(context: BrowserContext, watch: Watch) {
  const watched = owner.has(context);
  owner.set(context, watch);
  watch.contexts.add(context);
  if (watched) return;
  context.pages().forEach((page) => watchPage(page, context));
  context.on("page", (page) => watchPage(page, context));
}

export const test = base.extend<{ browserErrors: Watch }>({
  browser: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        if (running) adopt(context, running);
        return context;
      };
      await use(browser);
    },
    { scope: "worker" },
  ],
  context: async ({ context, browserErrors }, use) => {
    adopt(context, browserErrors);
    await use(context);
  },
  browserErrors: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, testInfo) => {
      const watch: Watch = { reports: [], contexts: new Set() };
      running = watch;
      await use(watch);
      running = undefined;
      // The contexts the test made and left open (Playwright closes only its own `context`).
      await Promise.all([...watch.contexts].map((c) => c.close().catch(() => undefined)));
      // A test that already failed keeps its own error first; these are added to it.
      const { reports } = watch;
      if (reports.length)
        throw new Error(
          `the browser reported ${reports.length} error(s) during "${testInfo.title}":\n${reports.join("\n")}`,
        );
    },
    { auto: true },
  ],
});
