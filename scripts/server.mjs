// The production server: one Next.js worker per core (WEB_CONCURRENCY), sharing one port.
// Safe because nothing shared lives in memory: numbers, versions, throttles and the outbox are
// all in the database, and caches are short-lived per process — a write that must be seen at once
// makes every worker forget its entry (lib/server/cache-relay.mjs, relayed here by the primary).
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { loadRequestGuard } from "../lib/security/request-guard.mjs";
import { PAGE_CSP_HEADER, serverPageCsp } from "../lib/security/csp.mjs";
import { REQUEST_PATH_HEADER } from "../lib/security/request-path.mjs";
import { relayForgets } from "../lib/server/cache-relay.mjs";
import { startInboundSmtp } from "./inbound-smtp.mjs";
import { queryCounter } from "./query-log.mjs";
import { compress } from "./ops/compress.mjs";
import { createDrain } from "./ops/drain.mjs";
import { prewarmSqlite } from "./ops/prewarm.mjs";
import { applyKeepAlive, keepAliveMs } from "./ops/keep-alive.mjs";
import { workerCount } from "./ops/workers.mjs";
import { settingProblems } from "./ops/settings.mjs";
import { respawnDelays } from "./ops/respawn.mjs";
import { DEFAULT_DATABASE_URL } from "./db/providers.mjs";
import { handleMetrics, observeRequest, serveClusterMetrics } from "./ops/metrics.mjs";
import { logger, logRequest, requestContext } from "./ops/request-log.mjs";

const port = Number(process.env.PORT ?? 3000);
// Settings a typo in which would quietly turn a feature off (ops/settings.mjs): the start stops.
if (cluster.isPrimary)
  for (const problem of settingProblems()) {
    console.error(problem);
    process.exitCode = 1;
  }
if (process.exitCode) process.exit();
const workers = (() => {
  try {
    return workerCount(process.env, os.availableParallelism?.() ?? os.cpus().length);
  } catch (e) {
    console.error(/** @type {Error} */ (e).message);
    process.exit(1);
  }
})();
// OPS-1: idle connections outlive a proxy's (ops/keep-alive.mjs). Read here, in the primary too, so
// that a bad value stops the start with its message instead of failing each worker in turn.
const keepAlive = (() => {
  try {
    return keepAliveMs();
  } catch (e) {
    console.error(/** @type {Error} */ (e).message);
    process.exit(1);
  }
})();

// PRO-5: the SMTP listener runs once, in the primary (or the only process); the workers get the
// secret that lets its internal POST /api/inbound/email in (scripts/inbound-smtp.mjs).
const smtpPort = Number(process.env.INBOUND_SMTP_PORT || 0);
if (!Number.isInteger(smtpPort) || smtpPort < 0 || smtpPort > 65535) {
  console.error(
    `INBOUND_SMTP_PORT=${process.env.INBOUND_SMTP_PORT} is no port: a whole number from 1 to 65535.`,
  );
  process.exit(1);
}
// Never taken from the environment: a value left in .env would be a permanent way past the token.
if (cluster.isPrimary) {
  if (smtpPort) {
    process.env.INBOUND_SMTP_SECRET = randomBytes(32).toString("base64url");
    process.env.CASEFLOW_SMTP_LISTENER = "1";
  } else {
    delete process.env.INBOUND_SMTP_SECRET;
    delete process.env.CASEFLOW_SMTP_LISTENER;
  }
}
// PERF-1: the SQLite file read into the OS cache after a restart, in the background, once per
// machine's server (ops/prewarm.mjs): requests on a cold cache held each other up.
if (cluster.isPrimary)
  void prewarmSqlite(process.env.DATABASE_URL || DEFAULT_DATABASE_URL)
    .then((bytes) => bytes && logger.info({ bytes }, "read the SQLite file into the OS cache"))
    .catch(() => undefined);

function startSmtp() {
  if (!smtpPort) return;
  startInboundSmtp({
    port: smtpPort,
    appUrl: `http://127.0.0.1:${port}`,
    // Set above whenever smtpPort is: this runs in the primary (or the only process), which made it.
    secret: /** @type {string} */ (process.env.INBOUND_SMTP_SECRET),
    domain: process.env.INBOUND_EMAIL_DOMAIN,
    onListening: () =>
      console.log(
        `Inbound email: SMTP on port ${smtpPort} for @${process.env.INBOUND_EMAIL_DOMAIN || "caseflow.localhost"}`,
      ),
    onCannotListen: (e) => {
      console.error(`Inbound email: cannot listen on port ${smtpPort} (${e.message}); stopping.`);
      process.exit(1);
    },
  });
}

if (cluster.isPrimary && workers > 1) {
  // Server rendering allocates in bursts; a larger young generation means far fewer scavenges.
  cluster.setupPrimary({ execArgv: [...process.execArgv, "--max-semi-space-size=64"] });
  relayForgets(cluster);
  /** When each worker started, for how long it lived (ops/respawn.mjs). */
  const born = new Map();
  const fork = () => born.set(cluster.fork().id, Date.now());
  for (let i = 0; i < workers; i++) fork();
  let stopping = false;
  const delayAfter = respawnDelays();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const wait = delayAfter(Date.now() - (born.get(worker.id) ?? 0));
    born.delete(worker.id);
    console.error(
      `worker ${worker.process.pid} exited (${signal ?? code}); starting another` +
        (wait ? ` in ${wait / 1000} s (it died while starting)` : ""),
    );
    setTimeout(() => stopping || fork(), wait);
  });
  // OPS-2: each worker drains (at most 10 s); the primary ends when they all have.
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill(sig);
      cluster.on("exit", () => Object.keys(cluster.workers ?? {}).length || process.exit(0));
      // Every worker already gone (dead while starting, waiting to be forked again): nothing to drain.
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
      setTimeout(() => process.exit(1), 11_000).unref();
    });
  }
  serveClusterMetrics();
  console.log(`Caseflow listening on http://localhost:${port} with ${workers} workers`);
  startSmtp();
} else {
  const countQueries = queryCounter(process.env.CASEFLOW_QUERY_LOG);
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // REL-8: every request, whatever its path, passes this guard before Next (the module says why
  // here rather than in proxy.ts's matcher); the build's manifests say which page owns which action.
  const guard = loadRequestGuard(path.join(process.cwd(), ".next"));
  const routeOf = (/** @type {string} */ p) => (p === "/api/metrics" ? p : guard.routeOf(p));
  const server = http.createServer((req, res) => {
    // OPS-3: request id, one log line and the metrics; OPS-2: counted until answered.
    const ctx = logRequest(req, res, { routeOf, observe: observeRequest });
    drainer.track(req, res);
    if (req.method === "GET" && req.url?.split("?")[0] === "/api/metrics")
      return void handleMetrics(req, res);
    // The client's address for per-address throttling (lib/server/forwarded.ts): the socket's
    // peer, replacing whatever a client sent under that name.
    req.headers["x-caseflow-peer"] = req.socket.remoteAddress ?? "";
    const refusal = guard(req);
    if (refusal) return res.writeHead(refusal.status, refusal.headers).end(refusal.body);
    // Where a page that asks for sign-in sends the person back to afterwards (lib/server/auth/page.ts).
    req.headers[REQUEST_PATH_HEADER] = req.url ?? "/";
    // PERF-8 / REL-5: a page GET gets its CSP (and Next its nonce) here, and proxy.ts is skipped.
    delete req.headers[PAGE_CSP_HEADER];
    const csp = serverPageCsp(req.method, req.url);
    if (csp) {
      req.headers["content-security-policy"] = csp;
      req.headers[PAGE_CSP_HEADER] = "1";
      res.setHeader("Content-Security-Policy", csp);
    }
    // OPS-3: the app notes the request's user in this context (lib/server/ops/request-user.ts).
    // PERF-8: compressed here, at levels chosen for pages rendered per request (ops/compress.mjs).
    return requestContext.run(ctx, () =>
      compress(req, res, () => (countQueries ? countQueries(req, res, handle) : handle(req, res))),
    );
  });
  applyKeepAlive(server, keepAlive);
  const drainer = createDrain(server, { timeoutMs: 10_000, settle: () => app.close() });
  server.listen(port, () => {
    if (workers === 1) console.log(`Caseflow listening on http://localhost:${port}`);
    if (workers === 1) startSmtp();
  });
  // OPS-2: SIGTERM (or Ctrl-C) stops taking requests and jobs, finishes those in flight, exits.
  for (const sig of ["SIGINT", "SIGTERM"])
    process.on(sig, async () => {
      const { drained, ms, left } = await drainer.drain();
      logger.info({ signal: sig, drained, ms, left }, drained ? "drained" : "drain timed out");
      process.exit(drained ? 0 : 1);
    });
}
