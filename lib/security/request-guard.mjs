// REL-8: the guard scripts/server.mjs runs on EVERY request before Next.js sees it — no path shape
// (dotted, /_next/…, /api/…, percent-escaped) goes around it, because it has no matcher. It reads
// the request line and headers only; the bodies of server action POSTs are decoded by proxy.ts
// (lib/security/action-request.ts), which runs for every page path, dotted ones included.
//
// Why here and not by widening proxy.ts's matcher to /api/ too: Next copies the body of every
// POST its proxy sees (experimental.proxyClientMaxBodySize, 320 KB here), cuts the body the route
// then reads at that size, and answers only once the whole upload has arrived — attachments
// (10 MB), the Table API (1 MB), imports and inbound email would break, and a 60 MB action body
// refused by the proxy was still received whole before its 413. Here it is refused at once.
//
// What Next 16.4.6 does without it (found by probing a production build): see router-state.mjs
// for the router-state header; a server action POST (Next-Action) whose id belongs to another page
// is forwarded by Next to a page that has it and answered 200 with an uncaught ECONNRESET in the
// log; an unknown id is a 409 with the error's stack logged; to a path no page owns (/api/…,
// /_next/…, dotted paths) from another origin it is a 500. Plain JavaScript (no TypeScript)
// because the production server runs it unbundled.
import { readFileSync } from "node:fs";
import path from "node:path";
import { routerStateIsValid } from "./router-state.mjs";

export { routerStateIsValid };

/**
 * The parts of the build's manifests the guard reads.
 * @typedef {{
 *   staticRoutes: { page: string }[],
 *   dynamicRoutes: { page: string, regex: string }[],
 * }} RoutesManifest
 * @typedef {Record<string, { workers: Record<string, unknown> }>} ActionsManifest action id → its pages
 */
/**
 * Request headers as Node gives them (lower-cased). A repeated header other than Set-Cookie arrives
 * joined into one string, so those the guard reads are strings when present.
 * @typedef {import("node:http").IncomingHttpHeaders} RequestHeaders
 */

/**
 * Which route answers a path and which pages own each server action, from the build's manifests:
 * routes-manifest.json (static routes, and the dynamic ones in Next's order),
 * app-path-routes-manifest.json (page → route) and server/server-reference-manifest.json.
 * @param {{ routes: RoutesManifest, appPaths: Record<string, string>, actions: ActionsManifest }} manifests
 */
export function actionRoutes({ routes, appPaths, actions }) {
  // Looked up with routeOf's answer, which is null for a path no route answers (then: no pages).
  /** @type {Map<string | null, string[]>} */
  const pagesOf = new Map(); // "/cases/[number]" → ["app/(workspace)/cases/[number]/page"]
  for (const [appPath, route] of Object.entries(appPaths)) {
    if (appPath.endsWith("/page")) pagesOf.set(route, [...(pagesOf.get(route) ?? []), `app${appPath}`]);
  }
  const routeNames = new Set(Object.values(appPaths));
  const statics = new Set(routes.staticRoutes.map((r) => r.page).filter((p) => routeNames.has(p)));
  const dynamics = routes.dynamicRoutes.map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));

  /**
   * The route ("/cases/[number]", "/api/now/[...path]") Next answers a path with, or null.
   * @param {string} pathname
   * @returns {string | null}
   */
  function routeOf(pathname) {
    const bare = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
    if (statics.has(bare)) return bare;
    return dynamics.find((d) => d.regex.test(pathname))?.page ?? null;
  }

  /**
   * The path as sent, as URL parsing normalises it, and each decoded: Next may use any of them.
   * @param {string} pathname
   */
  function readings(pathname) {
    const forms = new Set([pathname, new URL(pathname, "http://x").pathname]);
    for (const p of [...forms]) forms.add(decodeURIComponent(p)); // throws on a malformed escape
    return [...forms];
  }
  /** @param {string} pathname @param {(reading: string) => boolean} test */
  const some = (pathname, test) => {
    try {
      return readings(pathname).some(test);
    } catch {
      return false;
    }
  };

  return {
    routeOf,
    /** Whether some reading of the path is answered by one of `names` (routes as routeOf names them). */
    reaches: (/** @type {string} */ pathname, /** @type {readonly string[]} */ names) =>
      some(pathname, (p) => names.includes(/** @type {string} */ (routeOf(p)))),
    /** Whether some reading of the path is answered by a route (page or handler) at all. */
    hasRoute: (/** @type {string} */ pathname) => some(pathname, (p) => routeOf(p) !== null),
    /** Whether some reading of the path renders a page (where Next runs server actions). */
    isPage: (/** @type {string} */ pathname) => some(pathname, (p) => pagesOf.has(routeOf(p))),
    /**
     * "owned" only when every reading of the path renders a page that has the action.
     * @param {string} pathname
     * @param {string} actionId
     * @returns {"owned" | "not owned" | "unknown"}
     */
    ownerOf(pathname, actionId) {
      const workers = Object.hasOwn(actions, actionId) ? actions[actionId].workers : null;
      if (!workers) return "unknown";
      /** @param {string} p */
      const owns = (p) => (pagesOf.get(routeOf(p)) ?? []).some((page) => Object.hasOwn(workers, page));
      try {
        return readings(pathname).every(owns) ? "owned" : "not owned";
      } catch {
        return "not owned";
      }
    },
  };
}

/**
 * The host Next compares the Origin with: X-Forwarded-Host's first value, else Host.
 * @param {RequestHeaders} headers
 */
export function crossOrigin(headers) {
  const origin = headers.origin;
  if (!origin) return false; // handcrafted requests carry no one's cookies but their sender's
  if (origin === "null") return true;
  const forwardedHost = /** @type {string | undefined} */ (headers["x-forwarded-host"]); // one string
  const host = forwardedHost?.split(",")[0]?.trim() || headers.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

const UNREADABLE = "The form could not be read. Reload the page and try again; nothing was saved.";

/**
 * Route handlers that read their whole body before they check anything — next-auth's (sign-in,
 * sign-out, session): @auth/core reads `request.text()` before its own CSRF check, so a stranger's
 * gigabyte would sit in a worker's memory. Their forms are a few hundred bytes: a declared length
 * up to SMALL_BODY_LIMIT, refused before Next reads a byte otherwise.
 */
export const SMALL_BODY_ROUTES = ["/api/auth/[...nextauth]"];
export const SMALL_BODY_LIMIT = 16 * 1024;
const OUT_OF_DATE =
  "This form does not belong to this page, or the page is out of date. Reload the page and try again; " +
  "nothing was saved.";
/** lib/domain/request-limits.ts's FORM_TOO_LARGE_MESSAGE (request-guard.test.ts checks they agree). */
export const formTooLarge = (/** @type {number} */ limit) =>
  `The form is too large to send (the limit is ${Math.round(limit / 1024)} KB). ` +
  "Shorten the longest text and try again; nothing was saved.";

/**
 * A plain-text refusal. Exactly "text/plain", no charset: Next's client shows the body of such an
 * error as the message (and the form hook recognises FORM_TOO_LARGE_MESSAGE); any other type
 * becomes "An unexpected response was received from the server".
 * @param {number} status
 * @param {string} message
 * @param {Record<string, string>} [headers]
 * @returns {Refusal}
 */
const refusal = (status, message, headers = {}) => ({
  status,
  headers: {
    "content-type": "text/plain",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...headers,
  },
  body: message,
});

/**
 * The guard: a refusal `{ status, headers, body }` for a request Next would fail on, or null to
 * let it through. `request` is Node's IncomingMessage (method, url, lower-cased headers).
 * @param {{ routes: ReturnType<typeof actionRoutes>, actionBodyLimit: number }} options
 */
export function createRequestGuard({ routes, actionBodyLimit }) {
  /** @param {string} pathname */
  guard.routeOf = (pathname) => routes.routeOf?.(pathname) ?? null; // OPS-3: the logs' and metrics' route
  return guard;
  /**
   * @param {{ method?: string, url?: string, headers: RequestHeaders }} request
   * @returns {Refusal | null}
   */
  function guard({ method, url = "/", headers }) {
    const tree = headers["next-router-state-tree"];
    if (tree !== undefined && !routerStateIsValid(tree))
      return refusal(400, "The Next-Router-State-Tree header is malformed. Reload the page.");
    if (method !== "POST") return null;
    const pathname = url.startsWith("/") ? url.split(/[?#]/)[0] : "/";
    const actionId = /** @type {string | undefined} */ (headers["next-action"]); // one string
    const multipart = /^multipart\/form-data/i.test(headers["content-type"] ?? "");
    // A refused body's rest is read and dropped by Node (the connection stays usable): closing it
    // instead would make clients still sending see a reset rather than the answer.
    if (routes.reaches(pathname, SMALL_BODY_ROUTES)) {
      const tooLarge = sizeRefusal(headers, SMALL_BODY_LIMIT);
      if (tooLarge) return tooLarge;
    }
    if (actionId !== undefined) {
      // Next's header for an id it cannot run, so that its client reloads the page.
      const notFound = { "x-nextjs-action-not-found": "1" };
      if (!/^[0-9a-f]{42}$/.test(actionId)) return refusal(400, OUT_OF_DATE, notFound);
      if (routes.ownerOf(pathname, actionId) !== "owned") return refusal(409, OUT_OF_DATE, notFound);
    } else if (!multipart) {
      return null;
    } else if (!routes.hasRoute(pathname)) {
      // A form posted without JavaScript where no route answers: Next's not-found page would try
      // to run it as a server action.
      return refusal(404, "Not found.");
    } else if (!routes.isPage(pathname)) {
      return null; // a route handler reads its own multipart body (attachments: 10 MB)
    }
    // An action, or a form posted to a page: the checks proxy.ts makes, before Next reads the body.
    if (crossOrigin(headers)) return refusal(403, "Forms from another site are refused.");
    return sizeRefusal(headers, actionBodyLimit);
  }
}

/**
 * A body Next would read whole must declare its length, at most `limit`: 411 without one (chunked),
 * 413 above it — before a byte of it is read.
 * @param {RequestHeaders} headers
 * @param {number} limit
 * @returns {Refusal | null}
 */
function sizeRefusal(headers, limit) {
  const declared = headers["content-length"];
  if (declared === undefined || !/^\d+$/.test(declared)) return refusal(411, UNREADABLE);
  if (Number(declared) > limit) return refusal(413, formTooLarge(limit));
  return null;
}

/** @typedef {{ status: number, headers: Record<string, string>, body: string }} Refusal */

const readJson = (/** @type {string} */ file) => JSON.parse(readFileSync(file, "utf8"));

/**
 * The guard for the build in `distDir` (`.next`): its manifests and its action body limit.
 * @param {string} distDir
 */
export function loadRequestGuard(distDir) {
  const routes = actionRoutes({
    routes: readJson(path.join(distDir, "routes-manifest.json")),
    appPaths: readJson(path.join(distDir, "app-path-routes-manifest.json")),
    actions: readJson(path.join(distDir, "server", "server-reference-manifest.json")).node,
  });
  const { config } = readJson(path.join(distDir, "required-server-files.json"));
  const actionBodyLimit = config.experimental.serverActions?.bodySizeLimit;
  if (typeof actionBodyLimit !== "number") throw new Error("next.config.ts sets no numeric bodySizeLimit");
  return createRequestGuard({ routes, actionBodyLimit });
}
