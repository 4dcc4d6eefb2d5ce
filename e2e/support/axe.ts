import AxeBuilder from "@axe-core/playwright";
import { errors, expect, type Page } from "@playwright/test";

/** The WCAG 2.1 A and AA rules (axe-core tags). */
export const WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Violations = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"];

/** One line per failing element: rule, where, and axe's summary of what is wrong. */
export function describeViolations(violations: Violations): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `  ${v.id} (${v.impact ?? "?"}) at ${n.target.join(" ")}\n` +
          `    ${n.failureSummary?.replace(/\s*\n\s*/g, " ") ?? v.help}`,
      ),
    )
    .join("\n");
}

/**
 * Scans the page as it is now (or only `include`, a CSS selector) and expects no WCAG 2.1 A/AA
 * violation. Soft: the test goes on, so one run lists every page's findings.
 */
export async function expectAccessible(page: Page, where: string, include?: string) {
  // Next streams a page's metadata: after a client-side navigation (a server action's redirect,
  // say) the new <title> is committed after the page's content — measured 130 ms apart at 6x CPU
  // throttling, 650 ms at 20x, past "networkidle". Scan once the title is there; a page whose
  // title never comes is still reported, by axe's document-title rule.
  await page
    .waitForFunction(() => document.title !== "", null, { timeout: 10_000 })
    .catch((e: unknown) => {
      if (!(e instanceof errors.TimeoutError)) throw e;
    });
  let builder = new AxeBuilder({ page }).withTags(WCAG21_AA);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const found = violations.reduce((n, v) => n + v.nodes.length, 0);
  expect.soft(describeViolations(violations), `axe: ${found} failing elements on ${where}`).toBe("");
}
