// HTTP measurements against a production server on the bench database:
// PERF-1 (case list and case form under 50 requests/s) and PERF-4 (first-load JavaScript);
// the live timeline's polling (live.mts) uses the same server, sign-in and load generator.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The bench servers' ports: BENCH_PORT (default 3300) plus an offset per part, so runs can move off busy ones. */
export const benchPort = (offset: number) => Number(process.env.BENCH_PORT ?? 3300) + offset;

/**
 * A production server of the checkout `dir` (this one by default) on the bench database, once it
 * answers. `nodeArgs` go before the script (e.g. --cpu-prof); `env` is added to the bench's.
 */
export async function startServer(
  databaseUrl: string,
  port: number,
  {
    dir = ROOT,
    nodeArgs = [],
    env = {},
    // BENCH_NODE: the Node binary the servers run under (this bench's own by default), to weigh
    // a Node release with any of the benches (docs/performance.md).
    node = process.env.BENCH_NODE || process.execPath,
  }: { dir?: string; nodeArgs?: string[]; env?: Record<string, string>; node?: string } = {},
): Promise<ChildProcess> {
  // A server left over from an interrupted run would answer in place of this one (the new one
  // cannot bind the port), and every figure would be measured on the wrong process.
  const stale = await fetch(`http://localhost:${port}/login`).then(
    () => true,
    () => false,
  );
  if (stale) throw new Error(`port ${port} is already in use: stop the process listening there first`);
  const out = process.env.BENCH_SERVER_LOG ? openSync(process.env.BENCH_SERVER_LOG, "a") : undefined;
  const child = spawn(node, [...nodeArgs, path.join(dir, "scripts/server.mjs")], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "bench-secret-0123456789-abcdefghij",
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    // BENCH_SERVER_LOG=<file>: the servers' standard output (a line per request, the jobs' notes)
    // is appended there, to find when a run's slow requests came and what the server did then;
    // dropped otherwise. Errors go to the bench's own standard error either way.
    stdio: ["ignore", out ?? "ignore", "inherit"],
  });
  // The child has its own copy of the descriptor.
  if (out !== undefined) closeSync(out);
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/login`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error("server did not start");
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header. */
export async function login(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, v] = pair.split("=");
      jar.set(k, v);
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: base }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token")))
    throw new Error(`login failed for ${email} (${res.status})`);
  return cookie();
}

/** PERF-1's case list requests: filters, search, sorting and deep pages. */
export const CASE_LIST_PATHS = [
  "/cases",
  "/cases?state=10",
  "/cases?priority=1&page=3",
  "/cases?q=VPN",
  "/cases?assignedTo=me&state=open",
  "/cases?sort=number&page=50",
  "/cases?account=7",
];

export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};

/** One GET with a keep-alive agent; resolves with the status once the body has been read. */
export function get(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

const LOOP_TICK_MS = 10;
/** The histogram holds nanoseconds between ticks of LOOP_TICK_MS: a loop that never waits reads one tick. */
const stallMs = (ns: number) => Math.max(0, ns / 1e6 - LOOP_TICK_MS);

/**
 * Open-loop load: `rate` requests per second for `seconds`, whatever the latency, cycling
 * through `paths`. Returns the achieved rate, p50/p95 latency, the error count, and the
 * generator's own stalls and heap. Uses plain node:http with keep-alive so the generator itself
 * stays light on the shared 2-core machine.
 * `auth` is a session's Cookie header, or the headers to send (the Table API's bearer token).
 */
export async function load(
  base: string,
  auth: string | Record<string, string>,
  paths: string[],
  rate: number,
  seconds: number,
) {
  const headers = typeof auth === "string" ? { cookie: auth } : auth;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const urls = paths.map((p) => new URL(base + p));
  const latencies: number[] = [];
  let errors = 0;
  // What went wrong: up to five kinds (a status, or the socket's error code), each with its first path.
  const errorKinds = new Map<string, string>();
  const failed = (what: string, i: number) => {
    errors++;
    if (errorKinds.size < 5 && !errorKinds.has(what)) errorKinds.set(what, paths[i % paths.length]);
  };
  // The generator's own stalls (its GC, a heap left large by generating the data set) delay the
  // requests it sends and the responses it reads: how long its event loop stalled, and its heap at
  // the end, go with the result (logged by every caller, and in loadRow's note).
  const loop = monitorEventLoopDelay({ resolution: LOOP_TICK_MS });
  loop.enable();
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  const total = Math.round(rate * seconds);
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      (async () => {
        const t = performance.now();
        try {
          const status = await get(agent, urls[i % urls.length], headers);
          if (status !== 200) failed(`status ${status}`, i);
        } catch (e) {
          failed((e as NodeJS.ErrnoException).code ?? String(e), i);
        }
        latencies.push(performance.now() - t);
      })(),
    );
  }
  await Promise.all(inflight);
  loop.disable();
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  return {
    rate: total / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors,
    ...(errors ? { errorKinds: Object.fromEntries(errorKinds) } : {}),
    generatorStallMs: { p99: stallMs(loop.percentile(99)), max: stallMs(loop.max) },
    generatorHeapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  };
}
export type LoadResult = Awaited<ReturnType<typeof load>>;

/**
 * PERF-4: gzip size of every script the page loads (the HTML names them all). Next's `noModule`
 * polyfills are counted apart (`noModuleKb`): browsers that run modules never fetch them.
 */
export async function firstLoadJs(base: string, cookie: string, pagePath: string) {
  const html = await (await fetch(base + pagePath, { headers: { cookie } })).text();
  const tags = [...new Set([...html.matchAll(/<script[^>]+src="[^"]+"[^>]*>/g)].map((m) => m[0]))];
  let gzip = 0;
  let noModule = 0;
  for (const tag of tags) {
    const src = /src="([^"]+)"/.exec(tag)![1];
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    const size = gzipSync(body, { level: 9 }).length;
    if (/\snoModule/i.test(tag)) noModule += size;
    else gzip += size;
  }
  // Inline scripts (RSC payload) count too: they are part of what the browser downloads and runs.
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1])
    .join("");
  return {
    scripts: tags.length,
    kb: gzip / 1024,
    noModuleKb: noModule / 1024,
    inlineKb: gzipSync(Buffer.from(inline)).length / 1024,
  };
}
