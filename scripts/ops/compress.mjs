// Response compression for the production server, in place of Next's own (`compress: false` in
// next.config.ts). Next compresses every response with gzip at zlib's level 6 and offers no level.
// A page is rendered for each request, so its compression is paid on each request. On the 2-core
// bench machine, the case list's 62 KB page, compressed in one piece (docs/performance.md,
// finding 14), costs:
// - gzip level 6: 1.1 ms, 9.5 KB;
// - brotli quality 1: 0.21 ms, 10.3 KB;
// - gzip level 1: 0.43 ms, 11.1 KB.
// A page streams in parts, each flushed, which costs more than one piece at every level; side by
// side, a browser's page view costs the server 8.5% less CPU this way. So pages and API answers go
// out as brotli at quality 1 to a browser that accepts it (every current one does over HTTPS), or
// gzip (deflate, if that is all it takes) at level 1. The build's files under /_next/static/ never
// change and a browser keeps them for a year, so they keep the package's slower, smaller defaults
// (brotli 4, gzip 6). The `compression` package (Express's) negotiates Accept-Encoding, sets Vary,
// leaves incompressible types alone (and answers sent in one piece under 1 KB), and honours the
// flushes of a streamed answer. A page's parts are held and compressed in one piece
// (one-write.mjs, finding 16).
import zlib from "node:zlib";
import compression from "compression";
import { oneWrite } from "./one-write.mjs";

/** @typedef {import("node:http").IncomingMessage} Req */
/** @typedef {import("node:http").ServerResponse} Res */

const forPages = compression({
  level: 1,
  brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
});
const forBuildFiles = compression();

/** True for the build's own files, named by their content and kept by browsers for a year. */
const isBuildFile = (/** @type {string | undefined} */ url) => !!url?.startsWith("/_next/static/");

/**
 * Compresses what `next` writes, when the client asked for an encoding. A client that asks for
 * none (a load generator, a health check) is answered without the wrapper around each write, but
 * with the same Vary, so that a cache in front never hands its answer to a browser.
 * @param {Req} req
 * @param {Res} res
 * @param {() => unknown} next
 */
export function compress(req, res, next) {
  if (!req.headers["accept-encoding"]) {
    res.appendHeader("Vary", "Accept-Encoding");
    return next();
  }
  let result;
  const page = !isBuildFile(req.url);
  (page ? forPages : forBuildFiles)(req, res, () => {
    // A page is compressed in one piece (ops/one-write.mjs), not part by part as Next flushes.
    if (page) oneWrite(res);
    result = next();
  });
  return result;
}
