// REL-8: Next-Router-State-Tree as Next 16.4.6 reads it. On an RSC request (`RSC: 1`) to any path
// that renders a page — /api/… and /_next/… paths too, through the not-found page — a value that
// does not decode, parse or match Next's schema is an uncaught "The router state header was sent
// but could not be parsed" and a 500. lib/security/request-guard.mjs refuses it first (400).
// Plain JavaScript: scripts/server.mjs runs it unbundled. request-guard.test.ts holds it to Next's
// own parser.

/** Next's own limit (server/app-render/parse-and-validate-flight-router-state.js). */
const MAX_ROUTER_STATE = 20 * 2000;
const PARAM_TYPES = new Set(["c", "ci(..)(..)", "ci(.)", "ci(..)", "ci(...)", "oc", "d"]);
for (const t of ["di(..)(..)", "di(.)", "di(..)", "di(...)"]) PARAM_TYPES.add(t);
const REFRESH_MARKERS = new Set(["refetch", "inside-shared-layout", "metadata-only"]);

/** @param {unknown} v @returns {v is object} */
const isObject = (v) => typeof v === "object" && v !== null;
/** @param {unknown} v @returns {v is null | undefined} */
const nullish = (v) => v === undefined || v === null;

/**
 * A segment: a name, or [param, cache key, param type, static siblings or null].
 * @param {unknown} v
 */
function isSegment(v) {
  if (typeof v === "string") return true;
  if (!Array.isArray(v) || v.length !== 4) return false;
  const [name, key, type, siblings] = v;
  if (typeof name !== "string" || typeof key !== "string" || !PARAM_TYPES.has(type)) return false;
  return siblings === null || (Array.isArray(siblings) && siblings.every((s) => typeof s === "string"));
}

/**
 * Next's flightRouterStateSchema (server/app-render/types.js), as superstruct applies it.
 * @param {unknown} v
 * @returns {boolean}
 */
function isRouterState(v) {
  if (!Array.isArray(v) || v.length < 2 || v.length > 6 || !isSegment(v[0]) || !isObject(v[1])) return false;
  const [, children, url, refresh, prefetch, extra] = v;
  if (!nullish(url) && !(Array.isArray(url) && url.length === 2 && url.every((s) => typeof s === "string")))
    return false;
  if (!nullish(refresh) && !REFRESH_MARKERS.has(refresh)) return false;
  if (!nullish(prefetch) && (typeof prefetch !== "number" || Number.isNaN(prefetch))) return false;
  if (extra !== undefined && typeof extra !== "string") return false;
  return Object.values(children).every(isRouterState);
}

/**
 * Whether Next would accept this Next-Router-State-Tree header value.
 * @param {unknown} header
 */
export function routerStateIsValid(header) {
  if (typeof header !== "string" || header.length > MAX_ROUTER_STATE) return false;
  try {
    return isRouterState(JSON.parse(decodeURIComponent(header)));
  } catch {
    return false; // not escaped, not JSON, or nested past the call stack
  }
}
