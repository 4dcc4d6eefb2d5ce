// After sign-in, back to the page that sent a signed-out person to it: an emailed case link
// (NOT-1's "see your case" link, a proposed solution to accept) opened in a browser without a
// session. Only a path of this site is ever followed — never another origin (`//host`, `/\host`,
// `https:`), never the sign-in page itself or an API route — so `next=` cannot send anyone away.

const MAX_LENGTH = 2_000;
const BASE = "http://caseflow.invalid";
// Control characters and backslashes: browsers read `/\host` as another origin.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\\]/;

/** The same-site path `value` names (query kept, Next's own `_rsc` dropped), or null. */
export function safeReturnTo(value: unknown): string | null {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return null;
  if (!value.startsWith("/") || value.startsWith("//") || UNSAFE.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  url.searchParams.delete("_rsc");
  if (url.pathname === "/" || url.pathname === "/login" || url.pathname.startsWith("/api/")) return null;
  return url.pathname + url.search;
}

/** The sign-in page, told where to come back to when `path` is a page worth coming back to. */
export function signInHref(path: string | null | undefined): string {
  const back = safeReturnTo(path);
  return back ? `/login?next=${encodeURIComponent(back)}` : "/login";
}
