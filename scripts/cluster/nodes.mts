// test:cluster's nodes: a fresh PostgreSQL database, the build, production nodes started and killed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { buildIsCurrent, withBuildIdentity } from "../build-identity.mjs";
import { migrate } from "../db/migrate.mjs";
import { ROOT } from "../db/providers.mjs";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const PREFIX = process.env.CLUSTER_DB_PREFIX ?? "caseflow_cluster_";
export const LOG_DIR = path.join(ROOT, "data", "cluster");

/** `npm run build` when .next holds no build of the checkout as it is (scripts/build-identity.mjs). */
export function buildIfNeeded(secret: string) {
  const env = withBuildIdentity({ ...process.env, AUTH_SECRET: secret });
  if (buildIsCurrent(env)) return false;
  const r = spawnSync("npm", ["run", "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: env as NodeJS.ProcessEnv,
  });
  if (r.status !== 0) throw new Error("npm run build failed");
  return true;
}

/** Drops this test's earlier databases, creates a new one, migrates it, loads the demo data. */
export async function freshDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE $1",
    [`${PREFIX}%`],
  );
  for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  const name = `${PREFIX}${process.pid}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  // Without NODE_ENV: the demo seed refuses production mode.
  const env = { ...process.env, DATABASE_URL: url.toString() };
  Reflect.deleteProperty(env, "NODE_ENV");
  const seed = ["--conditions=react-server", "--import", "tsx", "scripts/seed-demo.mts"];
  const r = spawnSync(process.execPath, seed, { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error("demo seed failed");
  return url.toString();
}

export type Node = { name: string; port: number; child: ChildProcess; startedAt: number };

// Whatever happens to this script (a failed check, an exception, a time limit), its nodes end with it.
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

const answers = (port: number, p: string) =>
  fetch(`http://127.0.0.1:${port}${p}`, { signal: AbortSignal.timeout(2_000) }).then(
    (r) => r.ok,
    () => false,
  );

/** One production node (scripts/server.mjs, one worker) on `port`; resolves when /api/ready is 200. */
export async function startNode(name: string, port: number, env: Record<string, string>): Promise<Node> {
  if (await answers(port, "/api/health")) throw new Error(`port ${port} is taken by another server`);
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(path.join(LOG_DIR, `${name}.log`), { flags: "a" });
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/server.mjs")], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), WEB_CONCURRENCY: "1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const startedAt = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`node ${name} exited (${child.exitCode}); see ${LOG_DIR}`);
    if (await answers(port, "/api/ready")) return { name, port, child, startedAt };
    if (Date.now() - startedAt > 60_000) throw new Error(`node ${name} not ready after 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * OPS-1: how long a node says it keeps an idle connection (its `Keep-Alive` answer header): a proxy
 * in front must give up on one sooner (scripts/ops/keep-alive.mjs).
 */
export function keepAliveHint(port: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const agent = new http.Agent({ keepAlive: true });
    http
      .get({ host: "127.0.0.1", port, path: "/api/health", agent }, (res) => {
        res.resume();
        res.on("end", () => {
          agent.destroy();
          resolve(res.headers["keep-alive"]?.toString());
        });
      })
      .on("error", reject);
  });
}

export function killNode(node: Node, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    if (node.child.exitCode !== null || node.child.signalCode !== null) return resolve(node.child.exitCode);
    node.child.once("exit", (code) => resolve(code));
    node.child.kill(signal);
  });
}
