// PERF-1: with CASEFLOW_QUERY_LOG=<file>, each request runs in an async context of its own, the
// database adapter counts its statements there (lib/db/query-count.ts, through a hook on
// globalThis: Next's bundle and this file share no module), and one line per request is appended
// to the file when the response ends: "<METHOD> <path> <statements>", followed by the statements
// themselves (one indented line each) when CASEFLOW_QUERY_LOG_SQL=1. For tests and profiling only.
import { AsyncLocalStorage } from "node:async_hooks";
import { appendFileSync } from "node:fs";

/**
 * @typedef {import("node:http").IncomingMessage} Request
 * @typedef {import("node:http").ServerResponse} Response
 */

/**
 * A request wrapper that counts, or null when `file` is not set.
 * @param {string | undefined} file
 */
export function queryCounter(file) {
  if (!file) return null;
  const withSql = process.env.CASEFLOW_QUERY_LOG_SQL === "1";
  /** @type {AsyncLocalStorage<{ queries: number, sql: string[] }>} */
  const requests = new AsyncLocalStorage();
  // The hook lib/db/query-count.ts calls with each statement (globalThis: no module is shared).
  const hooks = /** @type {Record<symbol, (sql: string) => void>} */ (globalThis);
  hooks[Symbol.for("caseflow.countQuery")] = (sql) => {
    const store = requests.getStore();
    if (!store) return;
    store.queries++;
    if (withSql) store.sql.push(`  ${sql.replace(/\s+/g, " ").slice(0, 300)}\n`);
  };
  /**
   * @param {Request} req
   * @param {Response} res
   * @param {(req: Request, res: Response) => Promise<void>} handle Next's request handler
   */
  return (req, res, handle) => {
    /** @type {{ queries: number, sql: string[] }} */
    const store = { queries: 0, sql: [] };
    res.on("finish", () =>
      appendFileSync(file, `${req.method} ${req.url} ${store.queries}\n${store.sql.join("")}`),
    );
    return requests.run(store, () => handle(req, res));
  };
}
