import { describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { contentSecurityPolicy, nonceOf, PAGE_CSP_HEADER, serverPageCsp } from "./csp.mjs";

describe("the page CSP scripts/server.mjs sets (REL-5, PERF-8)", () => {
  it("REL-5: a page GET or HEAD gets a CSP with a fresh nonce and frame-ancestors 'none'", () => {
    const a = serverPageCsp("GET", "/cases/CS0001001?tab=1");
    const b = serverPageCsp("HEAD", "/cases");
    for (const csp of [a, b]) {
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp).toContain("frame-ancestors 'none'");
    }
    expect(nonceOf(a)).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    expect(nonceOf(null)).toBeNull();
  });

  it("REL-8: actions, the API, Next's assets and malformed paths are left to proxy.ts and the routes", () => {
    expect(serverPageCsp("POST", "/cases/CS0001001")).toBeNull();
    expect(serverPageCsp("GET", "/api/search?q=x")).toBeNull();
    expect(serverPageCsp("GET", "/_next/static/chunks/a.js")).toBeNull();
    expect(serverPageCsp("GET", "/cases/%E0%A4%A")).toBeNull();
    expect(serverPageCsp("GET", "*")).toBeNull();
  });

  it("REL-5: production pages allow no eval; development adds it for Next's dev runtime", () => {
    expect(contentSecurityPolicy("n", false)).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("n", true)).toContain("'unsafe-eval'");
  });
});

it("PERF-8: proxy.ts skips exactly the page requests that carry the server's header", () => {
  const pages = config.matcher[0];
  expect(pages.missing).toEqual([{ type: "header", key: PAGE_CSP_HEADER }]);
});
