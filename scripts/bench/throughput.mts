// PERF-8: throughput, closed loop. 8 connections, each sending its next request as soon as the last
// answer has been read, for 15 s, signed in as the bench agent: the case page over 200 different
// cases, then the case list over PERF-1's list requests. Prints requests/s, latency and the CPU
// milliseconds the app's server processes spent per request (the database's CPU is not counted).
// Each is measured on a warm server (warmUp): what a server that has been up for minutes serves.
import http from "node:http";
import { cpuMs, idleCpuPerSecond } from "./cpu.mts";
import { CASE_LIST_PATHS, get, percentile } from "./http.mts";
import type { Row } from "./report.mts";

export const THROUGHPUT = { connections: 8, seconds: 15, cases: 200 } as const;

type LoopResult = { requests: number; rps: number; p50: number; p95: number; errors: number; cpuMs: number };

/** `connections` loops, each one request at a time, cycling through `paths` for `seconds`. */
export async function closedLoop(
  base: string,
  cookie: string,
  paths: string[],
  seconds: number,
  connections: number,
  serverPid: number,
): Promise<LoopResult> {
  const urls = paths.map((p) => new URL(base + p));
  const headers = { cookie };
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const idle = await idleCpuPerSecond(serverPid, 2_000);
  const cpu0 = cpuMs(serverPid);
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      while (performance.now() < until) {
        const url = urls[next++ % urls.length];
        const t = performance.now();
        try {
          if ((await get(agent, url, headers)) !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
      agent.destroy();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = Math.max(0, cpuMs(serverPid) - cpu0 - idle * elapsed);
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors,
    cpuMs: cpu / Math.max(1, latencies.length),
  };
}

export const WARM_UP = { windowSeconds: 5, minWindows: 3, maxWindows: 12, settled: 0.05 } as const;

/**
 * Loads the server in windows of 5 s until it has settled: a window's CPU ms per request within 5%
 * of the window before (at least 15 s, at most 60 s). V8 compiles a function for speed only after
 * it has run a while, per worker; after a 5 s warm-up the case page still cost ~40% more CPU than
 * after 30 s on this machine (2026-11-25: 9.0 against 6.5 ms per request, the same build), so
 * a short warm-up measured the compiler, not the page. Returns the windows' CPU ms per request.
 */
export async function warmUp(
  base: string,
  cookie: string,
  paths: string[],
  serverPid: number,
  connections: number = THROUGHPUT.connections,
): Promise<number[]> {
  const { windowSeconds, minWindows, maxWindows, settled } = WARM_UP;
  const cpu: number[] = [];
  while (cpu.length < maxWindows) {
    cpu.push((await closedLoop(base, cookie, paths, windowSeconds, connections, serverPid)).cpuMs);
    const [before, last] = cpu.slice(-2);
    if (cpu.length >= minWindows && Math.abs(last - before) <= settled * before) break;
  }
  return cpu;
}

const row = (metric: string, r: LoopResult, goalRps: number): Row => ({
  metric,
  value: r.rps,
  unit: "rps",
  goal: `≥ ${goalRps} rps, 0 errors`,
  pass: r.rps >= goalRps && r.errors === 0,
  note:
    `${r.cpuMs.toFixed(1)} ms CPU/request (app processes), p50 ${r.p50.toFixed(1)} ms, ` +
    `p95 ${r.p95.toFixed(1)} ms, ${r.requests} requests, ${r.errors} errors`,
});

/**
 * PERF-8 against a running production server (`serverPid` is its primary process): the case page
 * (goal ≥ 250 requests/s) and the case list (≥ 300), after a short warm-up of each.
 */
export async function throughputMetrics(
  base: string,
  cookie: string,
  serverPid: number,
  caseCount: number,
  log: (m: string) => void,
  seconds: number = THROUGHPUT.seconds,
): Promise<Row[]> {
  const { connections, cases } = THROUGHPUT;
  const casePaths = Array.from(
    { length: cases },
    (_, i) => `/cases/CS${String(5_000_000 + ((i * 7919) % caseCount)).padStart(7, "0")}`,
  );
  const warmed = (cpu: number[]) =>
    `${cpu.length * WARM_UP.windowSeconds} s, CPU ms/request ${cpu.map((c) => c.toFixed(1)).join(" → ")}`;
  log(
    `throughput case page warm-up: ${warmed(await warmUp(base, cookie, casePaths, serverPid, connections))}`,
  );
  const page = await closedLoop(base, cookie, casePaths, seconds, connections, serverPid);
  log(`throughput case page: ${JSON.stringify(page)}`);
  log(
    `throughput case list warm-up: ${warmed(await warmUp(base, cookie, CASE_LIST_PATHS, serverPid, connections))}`,
  );
  const list = await closedLoop(base, cookie, CASE_LIST_PATHS, seconds, connections, serverPid);
  log(`throughput case list: ${JSON.stringify(list)}`);
  return [
    row(`PERF-8 case page throughput (${connections} connections, closed loop)`, page, 250),
    row(`PERF-8 case list throughput (${connections} connections, closed loop)`, list, 300),
  ];
}
