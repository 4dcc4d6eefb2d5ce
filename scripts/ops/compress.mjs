// Response compression for the production server, in place of Next's own (`compress: false` in
// next.config.ts). Next compresses every response with gzip at zlib's level 6 and offers no level.
// A page is rendered for each request, so its compression is paid on each request. On the 2-core
// bench machine, the case list's 62 KB page costs (docs/performance.md, finding 14):
// - gzip level 6: 1.1 ms, 9.5 KB;
// - brotli quality 1: 0.21 ms, 10.3 KB;
// - gzip level 1: 0.43 ms, 11.1 KB.
// That is up to a tenth of the page's whole CPU saved. So pages and API answers go out as brotli
// at quality 1 to a browser that accepts it (every current one does over HTTPS), or gzip at level
// 1 otherwise. The build's files under /_next/static/ never change and a browser keeps them for a
// year, so they keep the package's slower, smaller defaults (brotli 4, gzip 6). The `compression`
// package (Express's) negotiates Accept-Encoding, sets Vary, skips small and incompressible
// answers, and honours Next's flushes while a page streams.
import zlib from "node:zlib";
import compression from "compression";

/** @typedef {import("node:http").IncomingMessage} Req */
/** @typedef {import("node:http").ServerResponse} Res */

const forPages = compression({
  level: 1,
  brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
});
const forBuildFiles = compression();

/** True for the build's own files, named by their content and kept by browsers for a year. */
export const isBuildFile = (/** @type {string | undefined} */ url) => !!url?.startsWith("/_next/static/");

/**
 * Compresses what `next` writes, when the client asked for an encoding. A client that asks for
 * none (a load generator, a health check) is answered without the wrapper around each write.
 * @param {Req} req
 * @param {Res} res
 * @param {() => unknown} next
 */
export function compress(req, res, next) {
  if (!req.headers["accept-encoding"]) return next();
  let result;
  (isBuildFile(req.url) ? forBuildFiles : forPages)(req, res, () => {
    result = next();
  });
  return result;
}
