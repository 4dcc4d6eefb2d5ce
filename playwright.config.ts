import { defineConfig, devices } from "@playwright/test";

// End-to-end tests drive a production build (`next build` + `next start`) on a fresh SQLite
// database with the demo data, in Debian's Chromium (never a downloaded browser).
const PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // A scenario test is 30–60 steps, often two people in two browsers. On a slow 2-core machine
  // under the suite's two workers each step took 1–4 s (2026-11-25: the live-timeline
  // scenario ran out of 60 s with every step passed), so a test has two minutes; one step still
  // fails after 10 s.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: BASE_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        // Chromium 156 builds two omnibox popups as WebUI pages for every window (one per
        // context), although headless has no omnibox: ~20% of the browser's CPU per context.
        "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      grepInvert: /@global/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } },
    },
    // Tests that switch plugins, business rules or the lookup change what every other test sees:
    // they run after the others, one at a time: one worker (fullyParallel: false alone still runs two
    // files side by side — the plugin test switched ITSM off under the proactive test's accounts).
    {
      name: "global-settings",
      grep: /@global/,
      dependencies: ["chromium"],
      fullyParallel: false,
      workers: 1,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } },
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${BASE_URL}/login`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    env: { E2E_PORT: String(PORT) },
  },
});
