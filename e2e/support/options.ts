import { expect } from "@playwright/test";

/** The server keeps its option lists for 10 s per worker (lib/server/lookup/choices.ts). */
const OPTIONS_KEPT_MS = 10_000;

/**
 * Until every worker's option lists (accounts, people) were read after `since`, by waiting them
 * out: a test that makes more records than a select lists sees the typeaheads only then, and the
 * tests after it see the selects again only then.
 */
export async function optionsRenewedSince(since: number) {
  await expect
    .poll(() => Date.now() - since, { timeout: OPTIONS_KEPT_MS * 2, intervals: [500] })
    .toBeGreaterThan(OPTIONS_KEPT_MS + 500);
}
