// `npm run test:postgres`: the service tests (lib/server, app actions) against PostgreSQL.
// Uses TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres); each
// Vitest worker gets its own database caseflow_test_<n> (TEST_DB_PREFIX changes the prefix),
// dropped at the start of a run.
import { spawnSync } from "node:child_process";
import pg from "pg";

const admin = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const client = new pg.Client({ connectionString: admin });
try {
  await client.connect();
  const { rows } = await client.query("SHOW server_version");
  console.log(`PostgreSQL ${rows[0].server_version} at ${admin.replace(/\/\/[^@]*@/, "//…@")}`);
} catch (e) {
  console.error(
    // pg rejects with an Error (a refused or failed connection, a failed query).
    `Cannot reach PostgreSQL at ${admin}: ${/** @type {Error} */ (e).message}\n` +
      'Start it (see README "PostgreSQL") or set TEST_POSTGRES_URL.',
  );
  process.exit(1);
} finally {
  await client.end().catch(() => {});
}

// `npm run test:postgres -- <files or folders>` runs only those; options pass through to Vitest.
const extra = process.argv.slice(2);
const named = extra.some((a) => !a.startsWith("-"));
const args = ["vitest", "run", ...(named ? [] : ["lib/server", "app"]), ...extra];
const r = spawnSync("npx", args, {
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE: "postgresql", TEST_POSTGRES_URL: admin },
});
process.exit(r.status ?? 1);
