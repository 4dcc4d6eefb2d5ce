// OPS-2: graceful shutdown of one server process. On SIGTERM the server stops taking connections,
// closes idle keep-alive ones, answers what is in flight (with `Connection: close`), stops the
// job runner (lib/server/runner/runner.ts: no new runs, the running ones end) and resolves — within
// `timeoutMs` (10 s) whatever happens, so an orchestrator's kill never comes first.

/**
 * What the app (in Next's bundle, sharing no module with this file) keeps on globalThis.
 * @typedef {{
 *   __caseflowDraining?: boolean,
 *   __caseflowJobs?: { stop(timeoutMs: number): Promise<boolean | void> },
 * }} Flags
 */

/** @typedef {{ drained: boolean, ms: number, left: number }} DrainOutcome */

/**
 * `settle`: the work a request leaves to run after its answer (Next's `after()`: the Forgot
 * password? email is queued there), awaited once the last request has answered — Next awaits it
 * only in `app.close()`, which an exit without it never reaches.
 * @param {import("node:http").Server} server
 * @param {{ timeoutMs?: number, settle?: () => Promise<unknown> }} [options]
 */
export function createDrain(server, { timeoutMs = 10_000, settle = async () => {} } = {}) {
  const flags = /** @type {Flags} */ (globalThis);
  let inFlight = 0;
  /** The responses not yet ended: those under way when the drain starts are told to close too. */
  const open = new Set();
  /** @type {Promise<DrainOutcome> | null} */
  let draining = null;
  /** @type {() => void} */
  let wake = () => {};

  /**
   * Counts a request until its response has ended or its connection closed.
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   */
  function track(req, res) {
    inFlight++;
    open.add(res);
    if (flags.__caseflowDraining && !res.headersSent) res.setHeader("Connection", "close");
    res.on("close", () => {
      inFlight--;
      open.delete(res);
      // A keep-alive connection that has just gone idle would wait for the exit to cut it (a proxy
      // sending on it then gets a 502): closed at once while draining.
      if (flags.__caseflowDraining) server.closeIdleConnections?.();
      if (inFlight === 0) wake();
    });
  }

  /**
   * Starts draining (once); resolves `{ drained, ms, left }` when done or at the timeout.
   * @returns {Promise<DrainOutcome>}
   */
  function drain() {
    draining ??= (async () => {
      const started = Date.now();
      flags.__caseflowDraining = true; // /api/ready answers 503 from now on (lib/server/ops/ready.ts)
      server.close();
      server.closeIdleConnections?.();
      // Requests already under way answer with `Connection: close` too (their headers not yet sent).
      for (const res of open) if (!res.headersSent) res.setHeader("Connection", "close");
      /** @type {Promise<void>} */
      const answered = new Promise((resolve) => {
        wake = resolve;
        if (inFlight === 0) resolve();
      });
      const requests = answered.then(settle);
      // The runner answers false when a run was still going at its own timeout: not drained.
      const jobs = flags.__caseflowJobs?.stop(timeoutMs) ?? Promise.resolve(true);
      /** @type {NodeJS.Timeout | undefined} */
      let timer;
      /** @type {Promise<"timeout">} */
      const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
      const outcome = await Promise.race([Promise.all([requests, jobs]), timeout]);
      clearTimeout(timer);
      const drained = outcome !== "timeout" && outcome[1] !== false;
      return { drained, ms: Date.now() - started, left: inFlight };
    })();
    return draining;
  }

  return { track, drain, inFlight: () => inFlight };
}
