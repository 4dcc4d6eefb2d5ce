// OPS-3: GET /api/metrics in Prometheus text format (prom-client): requests by route, method and
// status, their latency, the job runner's runs and the outbox backlog (lib/server/runner/runner.ts
// publishes them on globalThis), the database pool (PostgreSQL). Readable only with
// `Authorization: Bearer $METRICS_TOKEN`: 404 when METRICS_TOKEN is unset (no endpoint at all),
// 401 without the token. With several workers (WEB_CONCURRENCY) the worker asked collects every
// worker's figures through the primary (prom-client's AggregatorRegistry).
import cluster from "node:cluster";
import { createHash, timingSafeEqual } from "node:crypto";
import client from "prom-client";

const registry = client.register;
client.collectDefaultMetrics();
// A worker answers the primary's requests for its figures only once an AggregatorRegistry exists here.
if (cluster.isWorker) new client.AggregatorRegistry();
const requests = new client.Counter({
  name: "caseflow_http_requests_total",
  help: "HTTP requests by route, method and status",
  labelNames: ["route", "method", "status"],
});
const latency = new client.Histogram({
  name: "caseflow_http_request_duration_seconds",
  help: "HTTP request duration by route and method",
  labelNames: ["route", "method"],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});
/**
 * What the app (in Next's bundle, sharing no module with this file) publishes on globalThis: the job
 * runner's figures (lib/server/runner/runner.ts) and the database pool (lib/db.ts, PostgreSQL only).
 * @typedef {{
 *   __caseflowJobs?: {
 *     stats: Map<string, { ok: number, failed: number, skipped?: number }>,
 *     backlog: Map<string, number>,
 *   },
 *   __caseflowDb?: { pool: import("pg").Pool | null },
 * }} Published
 */
const published = /** @type {Published} */ (globalThis);
const jobs = () => published.__caseflowJobs;
new client.Counter({
  name: "caseflow_job_runs_total",
  help: "Job runs of this process by job and outcome",
  labelNames: ["job", "outcome"],
  collect() {
    this.reset();
    for (const [job, s] of jobs()?.stats ?? []) {
      this.inc({ job, outcome: "ok" }, s.ok);
      this.inc({ job, outcome: "failed" }, s.failed);
      // OPS-3: a tick that found the job held by another node (a dead node's lease shows as these).
      this.inc({ job, outcome: "skipped" }, s.skipped ?? 0);
    }
  },
});
new client.Gauge({
  name: "caseflow_job_backlog",
  help: "Items waiting for a job (outbox: messages pending or being sent), as last measured",
  labelNames: ["job"],
  aggregator: "max", // every worker measures the same database
  collect() {
    for (const [job, n] of jobs()?.backlog ?? []) this.set({ job }, n);
  },
});
new client.Gauge({
  name: "caseflow_db_pool_connections",
  help: "PostgreSQL pool connections of this process by state",
  labelNames: ["state"],
  collect() {
    const pool = published.__caseflowDb?.pool;
    if (!pool) return;
    this.set({ state: "total" }, pool.totalCount);
    this.set({ state: "idle" }, pool.idleCount);
    this.set({ state: "waiting" }, pool.waitingCount);
  },
});

/**
 * @param {string} route
 * @param {string} method
 * @param {number} status
 * @param {number} seconds
 */
export function observeRequest(route, method, status, seconds) {
  requests.inc({ route, method, status: String(status) });
  latency.observe({ route, method }, seconds);
}

const digest = (/** @type {string} */ s) => createHash("sha256").update(s).digest();
/**
 * 404 without METRICS_TOKEN, 401 without the right bearer token, else null (allowed).
 * @param {import("node:http").IncomingHttpHeaders} headers
 * @param {string} [token]
 */
export function metricsRefusal(headers, token = process.env.METRICS_TOKEN) {
  if (!token) return 404;
  const given = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(given), digest(token)) ? null : 401;
}

// Primary: answers a worker's request for the figures of all workers.
export function serveClusterMetrics() {
  const aggregator = new client.AggregatorRegistry();
  cluster.on("message", async (worker, msg) => {
    if (msg?.type !== "caseflow:metrics") return;
    const text = await aggregator.clusterMetrics().catch((e) => `# error: ${e.message}\n`);
    worker.send({ type: "caseflow:metrics-reply", id: msg.id, text });
  });
}

let asked = 0;
/** @returns {Promise<string>} */
function fromPrimary() {
  const id = ++asked;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off("message", onMessage); // one listener left per unanswered request would add up
      reject(new Error("the primary did not answer"));
    }, 5_000);
    /** @param {unknown} message any message from the primary: the reply is the one with this id */
    const onMessage = (message) => {
      const msg = /** @type {{ type?: unknown, id?: unknown, text: string } | null | undefined} */ (message);
      if (msg?.type !== "caseflow:metrics-reply" || msg.id !== id) return;
      clearTimeout(timer);
      process.off("message", onMessage);
      resolve(msg.text);
    };
    process.on("message", onMessage);
    // Only a worker asks (handleMetrics), and a worker always has its channel to the primary.
    /** @type {NonNullable<typeof process.send>} */ (process.send)({ type: "caseflow:metrics", id });
  });
}

/**
 * Answers GET /api/metrics.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export async function handleMetrics(req, res) {
  const refused = metricsRefusal(req.headers);
  if (refused) {
    const message = refused === 404 ? "Not found." : "A metrics token is needed.";
    return res
      .writeHead(refused, { "Content-Type": "application/json" })
      .end(JSON.stringify({ error: { message } }));
  }
  try {
    const text = cluster.isWorker ? await fromPrimary() : await registry.metrics();
    res.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" }).end(text);
  } catch (e) {
    // Both sources reject with an Error: fromPrimary's timeout, prom-client's collection.
    res.writeHead(500, { "Content-Type": "text/plain" }).end(String(/** @type {Error} */ (e).message));
  }
}
