// The production server: one Next.js worker per core (WEB_CONCURRENCY), sharing one port.
// Safe because nothing shared lives in memory: numbers, versions, throttles and the outbox are
// all in the database, and caches are short-lived per process.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";

const port = Number(process.env.PORT ?? 3000);
const workers = Math.max(
  1,
  Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism?.() ?? os.cpus().length),
);

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
} else {
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  const handle = app.getRequestHandler();
  http
    .createServer((req, res) => handle(req, res))
    .listen(port, () => {
      if (workers === 1) console.log(`Caseflow listening on http://localhost:${port}`);
    });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(0));
}
