// REL-8: the guard scripts/server.mjs runs on every request: malformed router state, server actions
// no page at that path owns, and oversized or foreign action posts, whatever the path's shape.
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, FORM_TOO_LARGE_MESSAGE } from "@/lib/domain/request-limits";
import { crossOrigin as proxyCrossOrigin } from "./action-request";
import {
  actionRoutes,
  createRequestGuard,
  crossOrigin,
  formTooLarge,
  SMALL_BODY_LIMIT,
} from "./request-guard.mjs";

// A build's manifests in small: the case page owns A, the users page owns B, /cases/new owns C.
const A = "40".padEnd(42, "a");
const B = "60".padEnd(42, "b");
const C = "60".padEnd(42, "c");
const routes = actionRoutes({
  routes: {
    staticRoutes: ["/", "/_not-found", "/cases", "/cases/new", "/admin/users", "/icon.svg"].map((page) => ({
      page,
    })),
    dynamicRoutes: [
      { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
      { page: "/api/cases/[number]/attachments", regex: "^/api/cases/([^/]+?)/attachments(?:/)?$" },
      { page: "/api/now/[...path]", regex: "^/api/now/(.+?)(?:/)?$" },
      { page: "/cases/[number]", regex: "^/cases/([^/]+?)(?:/)?$" },
    ],
  },
  appPaths: {
    "/page": "/",
    "/_not-found/page": "/_not-found",
    "/(workspace)/cases/page": "/cases",
    "/(workspace)/cases/new/page": "/cases/new",
    "/(workspace)/cases/[number]/page": "/cases/[number]",
    "/(workspace)/admin/users/page": "/admin/users",
    "/api/auth/[...nextauth]/route": "/api/auth/[...nextauth]",
    "/api/cases/[number]/attachments/route": "/api/cases/[number]/attachments",
    "/api/now/[...path]/route": "/api/now/[...path]",
    "/icon.svg/route": "/icon.svg",
  },
  actions: {
    [A]: { workers: { "app/(workspace)/cases/[number]/page": {} } },
    [B]: { workers: { "app/(workspace)/admin/users/page": {} } },
    [C]: { workers: { "app/(workspace)/cases/new/page": {} } },
  },
});
const guard = createRequestGuard({ routes, actionBodyLimit: ACTION_BODY_LIMIT_BYTES });
const HOST = "caseflow.example";
const post = (url: string, headers: Record<string, string>) =>
  guard({ method: "POST", url, headers: { host: HOST, "content-length": "100", ...headers } });

describe("server actions posted where no page owns them (REL-8)", () => {
  it("REL-8: an action runs only on a page that owns it, whatever the path's shape", () => {
    for (const p of ["/cases/CS0001001", "/cases/x.json", "/cases/CS0001001/", "/cases/CS%30001001"])
      expect(routes.ownerOf(p, A), p).toBe("owned");
    for (const p of [
      "/cases/new",
      "/cases",
      "/admin/users",
      "/api/now/table/x",
      "/_next/foo",
      "/foo.php",
      "/x",
    ])
      expect(routes.ownerOf(p, A), p).toBe("not owned");
    // A reading that renders another page is enough to refuse (Next decodes some, not others).
    for (const p of ["/cases/%E0%A4%A", "/cases/a%2Fb", "/cases/new/../CS1", "/cases//CS1"])
      expect(routes.ownerOf(p, A), p).toBe("not owned");
    expect(routes.ownerOf("/admin/users", B)).toBe("owned");
    expect(routes.ownerOf("/cases/new", C)).toBe("owned");
    for (const id of ["7f".padEnd(42, "0"), "__proto__", "constructor", "toString"])
      expect(routes.ownerOf("/cases/CS1", id), id).toBe("unknown");
  });

  it("REL-8: malformed router state is a 400 on any path and method; a valid one passes", () => {
    const bad = { "next-router-state-tree": "garbage", rsc: "1" };
    for (const url of ["/cases", "/api/health", "/_next/x", "/cases/x.json", "/foo.php?x=1"])
      for (const method of ["GET", "POST", "HEAD"])
        expect(guard({ method, url, headers: bad })?.status, `${method} ${url}`).toBe(400);
    const valid = encodeURIComponent('["",{"children":["cases",{}]}]');
    expect(guard({ method: "GET", url: "/cases", headers: { "next-router-state-tree": valid } })).toBeNull();
  });

  it("REL-8: an action another page owns, or no page, is a 409 Next's client understands; a malformed id a 400", () => {
    expect(post("/cases/CS1?x=1", { "next-action": A })).toBeNull();
    expect(post("/cases/x.json", { "next-action": A })).toBeNull(); // proxy.ts decodes its body
    const refused = post("/admin/users", { "next-action": A });
    expect(refused).toMatchObject({
      status: 409,
      headers: {
        "x-nextjs-action-not-found": "1",
        "content-type": "text/plain",
      },
    });
    expect(refused?.body).toMatch(/^This form does not belong to this page/);
    for (const url of [
      "/api/now/table/incident",
      "/_next/static/x.js",
      "/foo.php",
      "/cases",
      "http://x/cases/CS1",
    ])
      expect(post(url, { "next-action": A })?.status, url).toBe(409);
    expect(post("/cases/CS1", { "next-action": "7f".padEnd(42, "0") })?.status).toBe(409);
    expect(post("/cases/CS1", { "next-action": "not-an-id" })?.status).toBe(400);
    expect(post("/cases/CS1", { "next-action": "" })?.status).toBe(400);
    expect(guard({ method: "GET", url: "/cases", headers: { "next-action": "x" } })).toBeNull();
  });

  it("REL-8: an action or page form from another origin, without a length or over the limit is refused before Next reads it", () => {
    const form = { "content-type": "multipart/form-data; boundary=x" };
    for (const extra of [{ "next-action": A }, form]) {
      expect(post("/cases/CS1", { ...extra, origin: "https://evil.example" })?.status).toBe(403);
      expect(post("/cases/CS1", { ...extra, origin: "null" })?.status).toBe(403);
      expect(post("/cases/CS1", { ...extra, origin: `https://${HOST}` })).toBeNull();
      expect(post("/cases/CS1", { ...extra, "content-length": "chunked" })?.status).toBe(411);
      const big = post("/cases/CS1.json", {
        ...extra,
        "content-length": String(ACTION_BODY_LIMIT_BYTES + 1),
      });
      expect(big).toMatchObject({ status: 413, body: FORM_TOO_LARGE_MESSAGE });
    }
    const unsized = { host: HOST, "next-action": A };
    expect(guard({ method: "POST", url: "/cases/CS1", headers: unsized })?.status).toBe(411);
    expect(formTooLarge(ACTION_BODY_LIMIT_BYTES)).toBe(FORM_TOO_LARGE_MESSAGE);
  });

  it("REL-8: next-auth's routes, which read their whole body first, take a declared body of at most 16 KB, whatever the path's shape", () => {
    const form = { "content-type": "application/x-www-form-urlencoded" };
    for (const url of [
      "/api/auth/callback/credentials",
      "/api/auth/session",
      "/api/%61uth/signout",
      "/api/auth/x.json",
    ]) {
      expect(post(url, { ...form, "content-length": String(SMALL_BODY_LIMIT + 1) })?.status, url).toBe(413);
      expect(guard({ method: "POST", url, headers: { host: HOST, ...form } })?.status, url).toBe(411);
      expect(post(url, { ...form, "content-length": "chunked" })?.status, url).toBe(411);
    }
    expect(post("/api/auth/callback/credentials", { ...form, "content-length": "300" })).toBeNull();
    // Other route handlers limit their bodies while they stream (the Table API: 1 MB).
    expect(post("/api/now/table/incident", { "content-length": String(SMALL_BODY_LIMIT + 1) })).toBeNull();
  });

  it("REL-8: a form posted without JavaScript where no route answers is a 404; a route handler's upload passes", () => {
    const form = { "content-type": "multipart/form-data; boundary=x" };
    for (const url of ["/api/nothing", "/_next/foo", "/x/y.php", "/cases/%E0%A4%A"])
      expect(post(url, form)?.status, url).toBe(404);
    for (const url of ["/cases/x.json", "/cases", "/icon.svg"]) expect(post(url, form), url).toBeNull();
    // Attachments are up to 10 MB and checked by their route, not held to the action limit.
    const upload = { ...form, "content-length": String(10 * 1024 * 1024), origin: "https://evil.example" };
    expect(post("/api/cases/CS1/attachments", upload)).toBeNull();
  });

  it("REL-8: the origin check is proxy.ts's, header for header", () => {
    const cases: Record<string, string>[] = [
      {},
      { origin: `https://${HOST}` },
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: "not a url" },
      { origin: "https://proxy.example", "x-forwarded-host": "proxy.example, other" },
      { origin: `https://${HOST}`, "x-forwarded-host": "proxy.example" },
    ];
    for (const extra of cases) {
      const headers: Record<string, string> = { host: HOST, ...extra };
      expect(crossOrigin(headers), JSON.stringify(extra)).toBe(proxyCrossOrigin(new Headers(headers)));
    }
  });
});
