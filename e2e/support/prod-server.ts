// A fresh production install of its own (SET-1): `npm start` with NODE_ENV=production on an empty
// SQLite database, the way README "Production" starts one, on a port of its own.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { TEST_AUTH_SECRET } from "../../scripts/test-secret.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * `demoData`: start as `npm start` does without NODE_ENV=production — the demo data loaded, the
 * production build and server all the same — for tests that need the demo users and read the log.
 */
export async function startProductionServer(
  port: number,
  extraEnv: Record<string, string>,
  { demoData = false } = {},
) {
  const dir = path.join(ROOT, "data", `e2e-production-${port}`);
  rmSync(dir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    DATABASE_URL: `file:${path.join(dir, "caseflow.db")}`,
    AUTH_SECRET: TEST_AUTH_SECRET, // the build the Playwright server runs: none made meanwhile
    APP_URL: `http://localhost:${port}`,
    WEB_CONCURRENCY: "1",
    ...extraEnv,
  };
  delete env.INBOUND_SMTP_PORT;
  // The server sees its clients' own addresses (rel8-sign-in.spec.ts throttles one of them), not a
  // proxy's headers, whatever the shell running the tests says.
  delete env.TRUST_PROXY;
  if (demoData) Reflect.deleteProperty(env, "NODE_ENV"); // the demo seed refuses to run in production
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (c: Buffer) => output.push(c.toString()));
  child.stderr!.on("data", (c: Buffer) => output.push(c.toString()));
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the production server exited:\n${output.join("")}`);
    const up = await fetch(`http://localhost:${port}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  /** `npm run admin:create -- <args>` in the same environment; its exit status and output. */
  const adminCreate = (...args: string[]) => {
    const r = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/admin/create.mts", ...args],
      { cwd: ROOT, env, encoding: "utf8" },
    );
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  };
  return {
    base: `http://localhost:${port}`,
    output: () => output.join(""),
    adminCreate,
    stop: () => {
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
