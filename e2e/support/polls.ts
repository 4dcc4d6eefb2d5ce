// JRN-3 / POR-1: to show that something does NOT arrive live, wait for the page's own polls of
// /api/journal rather than for a guessed time: the first response may belong to a poll that was
// already in flight, the second was asked after it — so the page has seen the server's present.
import type { Page } from "@playwright/test";

export async function afterNextPolls(page: Page, count = 2): Promise<void> {
  for (let i = 0; i < count; i++)
    await page.waitForResponse((r) => new URL(r.url()).pathname.startsWith("/api/journal/"), {
      timeout: 20_000,
    });
}
