// The server Playwright tests run against: `npm start` on a fresh SQLite file with demo data.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./db/providers.mjs";
import { TEST_AUTH_SECRET } from "./test-secret.mjs";
import { buildIsCurrent, withBuildIdentity } from "./build-identity.mjs";

export const E2E_DB = path.join(ROOT, "data", "e2e", "caseflow.db");
rmSync(path.dirname(E2E_DB), { recursive: true, force: true });

const env = {
  ...process.env,
  DATABASE_URL: `file:${E2E_DB}`,
  PORT: process.env.E2E_PORT ?? "3210",
  // PRO-5: the inbound SMTP listener, 1000 above the web port (e2e/inbound.spec.ts sends to it).
  INBOUND_SMTP_PORT: String(Number(process.env.E2E_PORT ?? "3210") + 1000),
  AUTH_SECRET: TEST_AUTH_SECRET,
  // PERF-1: each request's database statements, for e2e/query-count.spec.ts.
  CASEFLOW_QUERY_LOG: path.join(path.dirname(E2E_DB), "queries.log"),
  // OPS-3: no JSON line per request in Playwright's output.
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
};
// The demo seed refuses to run in production mode. (Next's types declare NODE_ENV always set.)
delete (/** @type {{ NODE_ENV?: string }} */ (env).NODE_ENV);
// The build the production installs of the tests (e2e/support/prod-server.ts) take as theirs: made
// here, before this server serves from it — found stale by them, it was rebuilt under this server.
const identity = withBuildIdentity({ ...env, NODE_ENV: "production" });
if (!buildIsCurrent(identity)) {
  const built = spawnSync(process.execPath, [path.join(ROOT, "scripts/build.mjs")], {
    cwd: ROOT,
    env: /** @type {NodeJS.ProcessEnv} */ (identity),
    stdio: "inherit",
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const child = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs")], {
  cwd: ROOT,
  stdio: "inherit",
  env,
});
for (const sig of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
