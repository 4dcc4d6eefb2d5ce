// The path and query of the request a page renders for, as a request header: a server component
// cannot read its own URL, and a page that sends a signed-out person to sign in says where to come
// back to (lib/domain/auth/return-to.ts, which follows only a same-site path). scripts/server.mjs
// sets it on every request, over whatever a client sent under this name; proxy.ts under `next dev`.
export const REQUEST_PATH_HEADER = "x-caseflow-path";
