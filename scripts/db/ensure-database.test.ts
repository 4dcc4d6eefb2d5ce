// SET-1: `npm start` on PostgreSQL creates its database when it may, and otherwise says what to do —
// connecting to the server's `postgres` database only when its own is missing.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ensurePostgresDatabase } from "./migrate.mjs";

const ADMIN = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const stamp = `${process.pid}_${Date.now().toString(36)}`;
const [dbName, role] = [`caseflow_ensure_${stamp}`, `caseflow_ensure_role_${stamp}`];
const urlAs = (user: string, database: string) => {
  const u = new URL(ADMIN);
  u.username = user;
  u.password = "";
  u.pathname = `/${database}`;
  return u.toString();
};
async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}
const reachable = await admin(async () => true).catch(() => false);

afterAll(async () => {
  if (!reachable) return;
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${dbName}"`);
    await c.query(`DROP ROLE IF EXISTS "${role}"`);
  });
});

describe.runIf(reachable)("the PostgreSQL database of a first start (SET-1)", () => {
  it("SET-1: a missing database is created; one that exists is left as it is", async () => {
    const url = urlAs(new URL(ADMIN).username, dbName);
    await ensurePostgresDatabase(url);
    await ensurePostgresDatabase(url);
    const found = await admin((c) => c.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName]));
    expect(found.rowCount).toBe(1);
  });

  it("SET-1: a role that may not create it is told to create the database, naming it", async () => {
    await admin((c) => c.query(`CREATE ROLE "${role}" LOGIN NOCREATEDB`));
    const missing = `${dbName}_never`;
    await expect(ensurePostgresDatabase(urlAs(role, missing))).rejects.toThrow(
      `database "${missing}" does not exist, and it could not be created (permission denied to create database): ` +
        `create it, e.g. createdb ${missing}`,
    );
    // Its own database, once there, is enough: nothing is created, nothing refused.
    await admin((c) => c.query(`GRANT CONNECT ON DATABASE "${dbName}" TO "${role}"`));
    await expect(ensurePostgresDatabase(urlAs(role, dbName))).resolves.toBeUndefined();
  });
});
