// REL-8: the request guard (lib/security/request-guard.mjs) with the manifests of the build the
// e2e server runs. Here rather than in Vitest: the unit tests run before anything is built, so on
// a fresh checkout (CI) a test needing `.next` would only ever be skipped.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./support/test";
import { loadRequestGuard } from "../lib/security/request-guard.mjs";

const HOST = "caseflow.example";

test("REL-8: with the real build's manifests, the case page's own action passes there and nowhere else", () => {
  const real = loadRequestGuard(path.resolve(".next"));
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: object }>;
  };
  const owned = Object.entries(manifest.node).find(([, v]) => {
    const w = Object.keys(v.workers);
    return w.length === 1 && w[0] === "app/(workspace)/cases/[number]/page";
  });
  expect(owned, "an action only the case page owns").toBeDefined();
  const [caseOnly] = owned!;
  const send = (url: string) =>
    real({ method: "POST", url, headers: { host: HOST, "content-length": "9", "next-action": caseOnly } });
  expect(send("/cases/CS0001001")).toBeNull();
  expect(send("/cases/CS0001001.json")).toBeNull();
  for (const url of ["/cases/new", "/login", "/api/now/table/incident", "/_next/x", "/x.php"])
    expect(send(url)?.status, url).toBe(409);
});
