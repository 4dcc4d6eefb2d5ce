// `npm run bench [-- --scale 0.1] [-- --db postgresql] [-- --fresh] [-- --only <part>]`, parts:
// http, fanout, major, notify, proactive, workorders, inbound, live, portal, api, throughput, import,
// mywork, search, sla.
// Generates (or reuses) the SPEC §13 data set in its own database, measures PERF-1…PERF-4,
// PERF-6 and PERF-7 and prints one table (PERF-5), also written to bench/results/.
// The servers listen on BENCH_PORT (default 3300) and the next ports up: http +0, live +1,
// inbound +2, portal +3, api +4, throughput +5, my work +7, search +8 (not +6: 3306 is MySQL's port).
import { existsSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { migrate, ensurePostgresDatabase } from "../db/migrate.mjs";
import {
  BENCH_AGENT,
  BENCH_PASSWORD,
  ensureBenchUser,
  generateDataset,
  hasDataset,
  sizesFor,
} from "./dataset.mts";
import { benchPort, CASE_LIST_PATHS, firstLoadJs, load, login, startServer } from "./http.mts";
import { liveMetrics } from "./live.mts";
import { throughputMetrics } from "./throughput.mts";
import { importMetrics } from "./import.mts";
import { slaMetrics } from "./sla.mts";
import { myWorkMetrics, prepareMyWork } from "./my-work.mts";
import { firstLoadRow, loadRow, report, type Row } from "./report.mts";
import { portalMetrics, preparePortal } from "./portal.mts";
import { prepareApi, tableApiMetrics } from "./table-api.mts";
import { fanoutMetrics } from "./fanout.mts";
import { majorMetrics } from "./major.mts";
import { notifyMetrics } from "./notify.mts";
import { proactiveMetrics } from "./proactive.mts";
import { inboundMetrics } from "./inbound.mts";
import { inboundNewCaseMetrics } from "./inbound-new.mts";
import { workOrderMetrics } from "./work-orders.mts";
import { searchMetrics, searchPlanRow } from "./search.mts";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    db: { type: "string", default: "sqlite" },
    fresh: { type: "boolean", default: false },
    only: { type: "string" },
    seconds: { type: "string", default: "10" },
  },
});
const scale = Number(args.scale);
const ROOT = path.resolve(import.meta.dirname, "../..");
const tag = String(scale).replace(".", "_");
// BENCH_DB_PREFIX (default caseflow_bench) keeps checkouts benching on one PostgreSQL server apart.
const dbName = `${process.env.BENCH_DB_PREFIX ?? "caseflow_bench"}_${tag}`;
const url =
  args.db === "postgresql"
    ? `${process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432"}/${dbName}`
    : `file:${path.join(ROOT, "data/bench", `scale-${tag}.db`)}`;
const log = (m: string) => console.log(`[bench] ${m}`);

if (args.fresh) {
  if (args.db === "postgresql") {
    const { default: pg } = await import("pg");
    const admin = new pg.Client({
      connectionString: `${process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432"}/postgres`,
    });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  } else {
    for (const f of [".db", ".db-wal", ".db-shm"]) rmSync(url.slice(5).replace(/\.db$/, f), { force: true });
  }
}
process.env.DATABASE_URL = url;
if (args.db === "postgresql") await ensurePostgresDatabase(url);
await migrate(url);
const sizes = sizesFor(scale);
log(`database ${args.db}, scale ${scale}: ${JSON.stringify(sizes)}`);
if (!(await hasDataset(sizes))) await generateDataset(sizes, log);
else log("reusing the existing data set");
await ensureBenchUser();

const rows: Row[] = [];
// Before the VACUUM ANALYZE below, so the planner knows the bench partner's relationships.
const portal = !args.only || args.only === "portal" ? await preparePortal(log) : null;
const myWorkQueue = !args.only || args.only === "mywork" ? await prepareMyWork(log) : null;
if (!args.only || args.only === "fanout") rows.push(...(await fanoutMetrics(log)));
if (!args.only || args.only === "major") rows.push(...(await majorMetrics(log)));
if (!args.only || args.only === "notify") rows.push(...(await notifyMetrics(log, scale)));
if (!args.only || args.only === "proactive") rows.push(...(await proactiveMetrics(log)));
if (!args.only || args.only === "workorders") rows.push(...(await workOrderMetrics(log)));
if (!args.only || args.only === "import") rows.push(...(await importMetrics(log)));
if (!args.only || args.only === "sla") rows.push(...(await slaMetrics(log)));

// The write measurements above leave dead rows; a server with autovacuum (every production one)
// would have cleaned them before the page loads below. Some test clusters run with it off.
if (args.db === "postgresql") await db().$executeRawUnsafe("VACUUM ANALYZE");

/** Runs `measure` against a production server of its own on the bench database, then stops it. */
async function withServer<T>(port: number, measure: (base: string, pid: number) => Promise<T>): Promise<T> {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID")))
    throw new Error("no production build: run `npm run build` first");
  const server = await startServer(url, port);
  try {
    return await measure(`http://localhost:${port}`, server.pid!);
  } finally {
    server.kill();
  }
}

if (!args.only || args.only === "http") {
  await db().$disconnect();
  await withServer(benchPort(0), async (base) => {
    const cookie = await login(base, BENCH_AGENT, BENCH_PASSWORD);
    const seconds = Number(args.seconds);
    const last = 5_000_000 + sizes.cases - 1;
    const casePaths = Array.from(
      { length: 200 },
      (_, i) => `/cases/CS${String(5_000_000 + ((i * 7919) % sizes.cases)).padStart(7, "0")}`,
    );
    const listPaths = CASE_LIST_PATHS;
    await load(base, cookie, [...listPaths, ...casePaths.slice(0, 40)], 25, 8); // warm up (JIT, caches)
    const list = await load(base, cookie, listPaths, 50, seconds);
    log(`case list: ${JSON.stringify(list)}`);
    const form = await load(base, cookie, casePaths, 50, seconds);
    log(`case form: ${JSON.stringify(form)}`);
    const js = await firstLoadJs(base, cookie, `/cases/CS${last}`);
    rows.push(
      loadRow("PERF-1 case list p95 @50 rps", list, 150),
      loadRow("PERF-1 case form p95 @50 rps", form, 150),
      firstLoadRow("PERF-4 case page first-load JS (gzip)", js, 250),
    );
  });
}

// The live timeline: 40 open case pages polling for news (issue 8 §3), on a server of its own.
if (!args.only || args.only === "live") {
  await withServer(benchPort(1), async (base, pid) => {
    const cookie = await login(base, BENCH_AGENT, BENCH_PASSWORD);
    rows.push(...(await liveMetrics(base, cookie, pid, sizes.cases, Number(args.seconds), log)));
  });
}

// PERF-6 email in: replies posted at once to the inbound endpoint of a server of its own.
if (!args.only || args.only === "inbound") {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID")))
    throw new Error("no production build: run `npm run build` first");
  rows.push(...(await inboundMetrics(url, scale, log)));
  rows.push(...(await inboundNewCaseMetrics(url, scale, log)));
}

// PERF-7 and the portal's PERF-4, signed in as the bench partner admin.
if (portal) {
  const bench = portal;
  await db().$disconnect();
  await withServer(benchPort(3), async (base) => {
    rows.push(...(await portalMetrics(base, bench, Number(args.seconds), log)));
  });
}

// PERF-8 throughput: the case page and the case list, closed loop, on a server of its own.
if (!args.only || args.only === "throughput") {
  await db().$disconnect();
  await withServer(benchPort(5), async (base, pid) => {
    const cookie = await login(base, BENCH_AGENT, BENCH_PASSWORD);
    rows.push(...(await throughputMetrics(base, cookie, pid, sizes.cases, log)));
  });
}

// PERF-9 My work, the bench agent in a group of 10,000 open cases.
if (myWorkQueue !== null) {
  const queue = myWorkQueue;
  await db().$disconnect();
  await withServer(benchPort(7), async (base) => {
    const cookie = await login(base, BENCH_AGENT, BENCH_PASSWORD);
    rows.push(...(await myWorkMetrics(base, cookie, queue, Number(args.seconds), log)));
  });
}

// PERF-6 Table API, with an itil user's bearer token.
if (!args.only || args.only === "api") {
  const token = await prepareApi();
  await db().$disconnect();
  await withServer(benchPort(4), async (base) => {
    rows.push(...(await tableApiMetrics(base, token, Number(args.seconds), log)));
  });
}

// PERF-9 global search as the user types (WRK-5), signed in as the bench agent.
if (!args.only || args.only === "search") {
  const plan = await searchPlanRow(log);
  await db().$disconnect();
  await withServer(benchPort(8), async (base) => {
    const cookie = await login(base, BENCH_AGENT, BENCH_PASSWORD);
    rows.push(...(await searchMetrics(base, cookie, sizes, Number(args.seconds), log)), plan);
  });
}

report(rows, {
  database: args.db,
  scale,
  sizes,
  machine: `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
  node: process.version,
});
await db().$disconnect();
process.exit(0);
