// The production server: one Next.js worker per core (WEB_CONCURRENCY), sharing one port.
// Safe because nothing shared lives in memory: numbers, versions, throttles and the outbox are
// all in the database, and caches are short-lived per process.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { loadRequestGuard } from "../lib/security/request-guard.mjs";
import { startInboundSmtp } from "./inbound-smtp.mjs";
import { queryCounter } from "./query-log.mjs";

const port = Number(process.env.PORT ?? 3000);
const workers = Math.max(
  1,
  Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism?.() ?? os.cpus().length),
);

// PRO-5: the SMTP listener runs once, in the primary (or the only process); the workers get the
// secret that lets its internal POST /api/inbound/email in (scripts/inbound-smtp.mjs).
const smtpPort = Number(process.env.INBOUND_SMTP_PORT || 0);
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
function startSmtp() {
  if (!smtpPort) return;
  startInboundSmtp({
    port: smtpPort,
    appUrl: `http://127.0.0.1:${port}`,
    secret: process.env.INBOUND_SMTP_SECRET,
    domain: process.env.INBOUND_EMAIL_DOMAIN,
  });
  console.log(
    `Inbound email: SMTP on port ${smtpPort} for @${process.env.INBOUND_EMAIL_DOMAIN || "caseflow.localhost"}`,
  );
}

if (cluster.isPrimary && workers > 1) {
  // Server rendering allocates in bursts; a larger young generation means far fewer scavenges.
  cluster.setupPrimary({ execArgv: [...process.execArgv, "--max-semi-space-size=64"] });
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill(sig);
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
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
  http
    .createServer((req, res) => {
      // The client's address for per-address throttling (lib/server/forwarded.ts): the socket's
      // peer, replacing whatever a client sent under that name.
      req.headers["x-caseflow-peer"] = req.socket.remoteAddress ?? "";
      const refusal = guard(req);
      if (refusal) return res.writeHead(refusal.status, refusal.headers).end(refusal.body);
      return countQueries ? countQueries(req, res, handle) : handle(req, res);
    })
    .listen(port, () => {
      if (workers === 1) console.log(`Caseflow listening on http://localhost:${port}`);
      if (workers === 1) startSmtp();
    });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(0));
}
