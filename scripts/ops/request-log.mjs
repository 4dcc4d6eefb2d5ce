// OPS-3: one structured JSON line per request (pino): time, request id, method, route, path
// (never its query: links carry tokens), status, ms, the user's id when the app identified one.
// Never bodies, passwords or tokens. Every
// response carries an X-Request-Id: the caller's own when it is sane, else a new one.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino from "pino";

// LOG_LEVEL=warn silences the request lines (the e2e server does: Playwright prints its output).
export const logger = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
});

/** @typedef {AsyncLocalStorage<{ reqId?: string, userId?: number }>} RequestContext */
// On globalThis because the app, in Next's bundle, shares no module with this file.
const holder = /** @type {{ __caseflowRequestContext?: RequestContext }} */ (globalThis);
/** The request's context: the app notes its user here (lib/server/ops/request-user.ts). */
/** @type {RequestContext} */
export const requestContext = holder.__caseflowRequestContext ?? new AsyncLocalStorage();
holder.__caseflowRequestContext = requestContext;

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's id: a sane incoming X-Request-Id, else a fresh UUID.
 * @param {{ headers: import("node:http").IncomingHttpHeaders }} req
 */
export function requestIdOf(req) {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && SANE_ID.test(given) ? given : randomUUID();
}

/**
 * @typedef {{ routeOf?: (pathname: string) => string | null,
 *   observe?: (route: string, method: string, status: number, seconds: number) => void,
 *   log?: { info: (line: object) => void } }} LogOptions
 */
/**
 * @param {any} req
 * @param {any} res
 * @param {LogOptions} [opts]
 * Gives the request its id (request header for the app, response header for the caller) and logs
 * it when the response ends; `observe(route, method, status, seconds)` feeds the metrics.
 */
export function logRequest(req, res, { routeOf, observe, log = logger } = {}) {
  const started = process.hrtime.bigint();
  const id = requestIdOf(req);
  req.headers["x-request-id"] = id;
  res.setHeader("X-Request-Id", id);
  const pathname = (req.url ?? "/").split(/[?#]/)[0];
  /** @type {{ reqId: string, userId?: number }} */
  const ctx = { reqId: id }; // the app's error lines name it too (lib/server/ops/request-user.ts)
  res.on("close", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const route = routeOf?.(pathname) ?? (pathname.startsWith("/_next/") ? "/_next" : "(other)");
    const status = res.writableFinished ? res.statusCode : 499; // 499: the client went away first
    observe?.(route, req.method, status, ms / 1000);
    log.info({
      reqId: id,
      method: req.method,
      route,
      path: pathname.slice(0, 300),
      status,
      ms: Math.round(ms * 10) / 10,
      ...(ctx.userId ? { userId: ctx.userId } : {}),
    });
  });
  return ctx;
}
