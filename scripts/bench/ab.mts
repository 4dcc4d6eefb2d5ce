// `npm run bench:ab -- --against <checkout> [--db postgresql] [--scale 0.1] [--blocks 12]
// [--requests 300] [--warm 2000] [--flags-this "…"] [--flags-other "…"] [--node-this <node>]
// [--node-other <node>] [--accept-encoding "…"] [paths…]`: this checkout's build against another's
// (or the same checkout, --against ., with other Node flags or another Node binary), side by side.
// One server process per checkout (one worker each, the production server's flags) on the same bench
// database; after a warm-up (V8 compiles a function for speed only after it has run a while), the
// bench agent sends blocks of serial requests to each in turn — A B, then B A — and each block's CPU
// per request is read from /proc (on PostgreSQL, the database's too: only one server is asked at a
// time). This machine's speed drifts by tens of percent within an hour (docs/performance.md), far
// more than most changes weigh; alternated blocks put both builds under the same drift, so the
// per-block difference and how many blocks agree are what to read. Both checkouts must be built
// (`npm run build`) and the data set made (`npm run bench -- --only throughput` with the same --db
// and --scale).
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { cpuMs, cpuMsByName } from "./cpu.mts";
import { BENCH_AGENT, BENCH_PASSWORD } from "./dataset.mts";
import { benchPort, CASE_LIST_PATHS, get, login, startServer } from "./http.mts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    against: { type: "string" },
    scale: { type: "string", default: "0.1" },
    db: { type: "string", default: "postgresql" },
    blocks: { type: "string", default: "12" },
    requests: { type: "string", default: "300" },
    warm: { type: "string", default: "2000" },
    // Node flags added to each server's (e.g. "--single-threaded-gc"), to weigh a flag.
    "flags-this": { type: "string", default: "" },
    "flags-other": { type: "string", default: "" },
    // The Node binary each server runs under (this bench's own by default), to weigh a Node release.
    "node-this": { type: "string" },
    "node-other": { type: "string" },
    // Sent as Accept-Encoding, as a browser does ("gzip, deflate, br"); none by default.
    "accept-encoding": { type: "string" },
  },
});
if (!args.against) throw new Error("--against <checkout directory> is required");
const checkouts = { this: ROOT, other: path.resolve(args.against) };
for (const dir of Object.values(checkouts))
  if (!existsSync(path.join(dir, ".next", "BUILD_ID")))
    throw new Error(`${dir} is not built: npm run build there`);

const tag = args.scale.replace(".", "_");
const onPostgres = args.db === "postgresql";
const url = onPostgres
  ? `${process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432"}/${process.env.BENCH_DB_PREFIX ?? "caseflow_bench"}_${tag}`
  : `file:${path.join(ROOT, "data/bench", `scale-${tag}.db`)}`;
// The case page over 10 cases and the list's PERF-1 requests, unless paths are given.
const paths = positionals.length
  ? positionals
  : [...Array.from({ length: 10 }, (_, i) => `/cases/CS${5_000_000 + i * 97}`), ...CASE_LIST_PATHS];

type Server = { name: keyof typeof checkouts; child: ChildProcess; base: string; cookie: string };

async function start(name: keyof typeof checkouts, port: number): Promise<Server> {
  // WEB_CONCURRENCY=1 serves in the process itself; the flag is the one server.mjs gives its workers.
  const flags = (args[`flags-${name}`] ?? "").split(" ").filter(Boolean);
  const child = await startServer(url, port, {
    dir: checkouts[name],
    nodeArgs: ["--max-semi-space-size=64", ...flags],
    env: { WEB_CONCURRENCY: "1" },
    node: args[`node-${name}`],
  });
  const base = `http://localhost:${port}`;
  return { name, child, base, cookie: await login(base, BENCH_AGENT, BENCH_PASSWORD) };
}

/** `n` serial requests cycling through the paths; CPU and wall ms per request. */
async function block(s: Server, n: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const urls = paths.map((p) => new URL(s.base + p));
  const headers: Record<string, string> = { cookie: s.cookie };
  if (args["accept-encoding"]) headers["accept-encoding"] = args["accept-encoding"];
  const cpu0 = cpuMs(s.child.pid!);
  const db0 = onPostgres ? cpuMsByName("postgres") : 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const status = await get(agent, urls[i % urls.length], headers);
    if (status !== 200) throw new Error(`${s.name}: ${urls[i % urls.length].pathname} answered ${status}`);
  }
  const wall = (performance.now() - t0) / n;
  agent.destroy();
  // PostgreSQL's processes serve both servers, but only this one is being asked during the block.
  const db = onPostgres ? (cpuMsByName("postgres") - db0) / n : 0;
  return { cpu: (cpuMs(s.child.pid!) - cpu0) / n, db, wall };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Each block pair's ratio: the drift both blocks shared divides out. Mean ± 1.96 standard errors.
 */
function compare(what: string, ms: Record<string, number[]>): string {
  const ratios = ms.this.map((c, i) => c / ms.other[i]);
  const mean = ratios.reduce((x, y) => x + y, 0) / ratios.length;
  const sd = Math.sqrt(ratios.reduce((x, r) => x + (r - mean) ** 2, 0) / Math.max(1, ratios.length - 1));
  const half = (1.96 * sd) / Math.sqrt(ratios.length);
  const pct = (r: number) => `${r >= 1 ? "+" : ""}${((r - 1) * 100).toFixed(1)}%`;
  const lower = ratios.filter((r) => r < 1).length;
  return (
    `${what} median CPU ms/request: this ${median(ms.this).toFixed(2)}, other ${median(ms.other).toFixed(2)}; ` +
    `this against other, per block pair: ${pct(mean)} (95% interval ${pct(mean - half)} to ${pct(mean + half)}), ` +
    `this lower in ${lower} of ${ratios.length} pairs`
  );
}

const servers = [await start("this", benchPort(10)), await start("other", benchPort(11))];
try {
  const n = Number(args.requests);
  console.log(`warming each server with ${args.warm} requests over ${paths.length} paths`);
  for (let done = 0; done < Number(args.warm); done += n) for (const s of servers) await block(s, n);
  const cpu: Record<string, number[]> = { this: [], other: [] };
  const db: Record<string, number[]> = { this: [], other: [] };
  const dbHead = onPostgres ? "  database CPU ms/request (this, other)" : "";
  console.log(`block  ${checkouts.this} (this)  ${checkouts.other} (other)  CPU ms/request${dbHead}`);
  for (let b = 0; b < Number(args.blocks); b++) {
    for (const s of b % 2 ? [...servers].reverse() : servers) {
      const r = await block(s, n);
      cpu[s.name].push(r.cpu);
      db[s.name].push(r.db);
    }
    const dbCells = onPostgres ? `  ${db.this[b].toFixed(2)}  ${db.other[b].toFixed(2)}` : "";
    console.log(
      `${String(b + 1).padStart(5)}  ${cpu.this[b].toFixed(2)}  ${cpu.other[b].toFixed(2)}${dbCells}`,
    );
  }
  console.log(compare("the app's", cpu));
  if (onPostgres) console.log(compare("PostgreSQL's", db));
} finally {
  for (const s of servers) s.child.kill("SIGINT");
}
