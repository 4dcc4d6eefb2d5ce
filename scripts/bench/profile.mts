// `npm run bench:profile -- [--build] [--db postgresql] [--scale 0.1] [--requests 300] [--load 60] [paths…]`:
// where a page's milliseconds go (PERF-8). One production server process (WEB_CONCURRENCY=1) on the
// bench data set runs under --cpu-prof; the bench agent requests each path serially, or with
// `--load S` loads the server (4 connections, closed loop, the paths in turn) for S seconds to warm
// it and S more to profile, only those counted. Serially, the first function to run after each wait
// on the database is charged with part of the wait (pg's addFields looked like 2.5% of a list
// request, timed directly it was ~0.3%); under load there is little waiting. The profile written at exit is
// summed by self time per area (React's server renderer, Next's runtime, Prisma, the pg driver,
// next-auth, zod, Caseflow's own code, GC) and per function, and the CPU ms per request is printed
// beside the database's queries per request (pg_stat_statements is not needed: the server logs them
// when CASEFLOW_COUNT_QUERIES=1).
import { spawnSync } from "node:child_process";
import http from "node:http";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { cpuMs } from "./cpu.mts";
import { BENCH_AGENT, BENCH_PASSWORD } from "./dataset.mts";
import { benchPort, get, login, startServer } from "./http.mts";
import { summarize, type Profile } from "./profile-summary.mts";
import { closedLoop } from "./throughput.mts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scale: { type: "string", default: "0.1" },
    db: { type: "string", default: "postgresql" },
    requests: { type: "string", default: "300" },
    top: { type: "string", default: "25" },
    build: { type: "boolean", default: false },
    load: { type: "string" },
  },
});
const tag = args.scale.replace(".", "_");
const dbName = `${process.env.BENCH_DB_PREFIX ?? "caseflow_bench"}_${tag}`;
const url =
  args.db === "postgresql"
    ? `${process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432"}/${dbName}`
    : `file:${path.join(ROOT, "data/bench", `scale-${tag}.db`)}`;
// The profile build (next.config.ts): unminified, so the profile names React's and our functions.
const profileEnv = { CASEFLOW_PROFILE_BUILD: "1" };
if (args.build || !existsSync(path.join(ROOT, ".next-profile", "BUILD_ID"))) {
  const built = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    env: { ...process.env, ...profileEnv },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (built.status !== 0) throw new Error("the profile build failed");
}
const paths = positionals.length ? positionals : ["/cases/CS5000123", "/cases?state=open"];
const port = benchPort(9);
const dir = mkdtempSync(path.join(os.tmpdir(), "caseflow-prof-"));

const server = await startServer(url, port, {
  nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--max-semi-space-size=64"],
  env: { ...profileEnv, WEB_CONCURRENCY: "1" },
});
const base = `http://localhost:${port}`;
const cookie = await login(base, BENCH_AGENT, BENCH_PASSWORD);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const n = Number(args.requests);
/** CLOCK_MONOTONIC in µs: the clock of the profile's timestamps (V8's TimeTicks on Linux). */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
let profileFrom: number | undefined;
if (args.load) {
  const seconds = Number(args.load);
  const loop = () => closedLoop(base, cookie, paths, seconds, 4, server.pid!);
  await loop();
  profileFrom = monotonicUs();
  const r = await loop();
  console.log(
    `${paths.join(" ")}: ${r.cpuMs.toFixed(1)} ms CPU per request, ${r.rps.toFixed(0)} requests/s (4 connections)`,
  );
} else
  for (const p of paths) {
    const target = new URL(base + p);
    for (let i = 0; i < 30; i++) await get(agent, target, { cookie }); // warm-up (JIT)
    const cpu0 = cpuMs(server.pid!);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await get(agent, target, { cookie });
    const wall = (performance.now() - t0) / n;
    console.log(
      `${p}: ${((cpuMs(server.pid!) - cpu0) / n).toFixed(1)} ms CPU, ${wall.toFixed(1)} ms wall per request`,
    );
  }
agent.destroy();
server.kill("SIGINT");
await new Promise((r) => server.once("exit", r));
const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
if (!file) throw new Error(`no profile written in ${dir}`);
console.log(
  `profile: ${path.join(dir, file)} (all paths together, ${profileFrom ? "after the warm-up" : "warm-up included"})`,
);
summarize(JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Profile, Number(args.top), profileFrom);
