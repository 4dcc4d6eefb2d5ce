// Once per test run: a fresh place for every worker's database.
import { rmSync, mkdirSync } from "node:fs";
import path from "node:path";

export const TEST_DATA_DIR = path.resolve(__dirname, "../../data/test");

export default async function globalSetup() {
  if (process.env.TEST_DATABASE === "postgresql") {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: postgresAdminUrl() });
    await client.connect();
    const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'caseflow_test_%'");
    for (const r of rows) await client.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await client.end();
  } else {
    rmSync(TEST_DATA_DIR, { recursive: true, force: true });
    mkdirSync(TEST_DATA_DIR, { recursive: true });
  }
}

export function postgresAdminUrl() {
  return process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}
