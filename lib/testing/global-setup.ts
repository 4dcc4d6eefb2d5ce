// Once per test run: a fresh place for every worker's database.
import { rmSync, mkdirSync } from "node:fs";
import path from "node:path";

export const TEST_DATA_DIR = path.resolve(__dirname, "../../data/test");

export default async function globalSetup() {
  if (process.env.TEST_DATABASE === "postgresql") {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: postgresAdminUrl() });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      // `_` is LIKE's any-character: escaped, so prefix "a_" drops a__1, never a_bench.
      "SELECT datname FROM pg_database WHERE datname LIKE $1 ESCAPE '\\'",
      [`${testDatabasePrefix().replace(/_/g, "\\_")}\\_%`],
    );
    for (const r of rows) await client.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await client.end();
  } else {
    rmSync(TEST_DATA_DIR, { recursive: true, force: true });
    mkdirSync(TEST_DATA_DIR, { recursive: true });
  }
}

/**
 * Workers' databases are <prefix>_<n>. TEST_DB_PREFIX (default caseflow_test) keeps two checkouts
 * testing against one PostgreSQL server out of each other's way.
 */
export function testDatabasePrefix() {
  const prefix = process.env.TEST_DB_PREFIX ?? "caseflow_test";
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(prefix)) throw new Error("TEST_DB_PREFIX: lowercase letters, digits, _");
  return prefix;
}

export function postgresAdminUrl() {
  return process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}
