import { expect, test } from "./support/test";
import { DEMO, signIn } from "./support/auth";

// PERF-8: the production server compresses (scripts/ops/compress.mjs) in place of Next, which is
// told not to (next.config.ts): each answer is encoded once, in an encoding the client accepts.

test("PERF-8: pages and the build's files reach the browser compressed once, in an encoding it accepts", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  const [doc] = await Promise.all([
    page.waitForResponse((r) => r.request().resourceType() === "document" && r.url().endsWith("/cases")),
    page.goto("/cases"),
  ]);
  const accepted = ((await doc.request().allHeaders())["accept-encoding"] ?? "").split(/,\s*/);
  const encoding = (await doc.allHeaders())["content-encoding"];
  expect(accepted).toContain(encoding);
  await expect(
    page
      .getByRole("table", { name: "Cases" })
      .getByRole("link", { name: /^CS\d+$/ })
      .first(),
  ).toBeVisible();

  const script = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
  const plain = await (
    await page.request.get(script!, { headers: { "accept-encoding": "identity" } })
  ).text();
  for (const [path, asked, sent] of [
    ["/cases", "br, gzip", "br"],
    ["/cases", "gzip", "gzip"],
    ["/cases", "identity", undefined],
    [script!, "br", "br"],
    [script!, "gzip", "gzip"],
  ] as const) {
    const r = await page.request.get(path, { headers: { "accept-encoding": asked } });
    expect(r.status(), path).toBe(200);
    expect(r.headers()["content-encoding"], `${path} asked ${asked}`).toBe(sent);
    expect(r.headers().vary, path).toMatch(/Accept-Encoding/i);
    // Decoded once by the client, it is the page or the file itself: encoded once, not twice.
    const body = await r.text();
    if (path === "/cases") expect(body).toContain('<table class="cf-table');
    else expect(body).toBe(plain);
  }
});
