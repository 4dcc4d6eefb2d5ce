// A database of its own for a test file that needs an empty one (SET-1: "no administrator yet"):
// beside the worker's database, dropped and migrated afresh, on SQLite or PostgreSQL alike.
import { rmSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import { db } from "@/lib/db";
import { migrate } from "../../scripts/db/migrate.mjs";

async function dropPostgres(url: string) {
  const { default: pg } = await import("pg");
  const target = new URL(url);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(
    `DROP DATABASE IF EXISTS "${decodeURIComponent(target.pathname.slice(1))}" WITH (FORCE)`,
  );
  await client.end();
}

/** Points db() at an empty, migrated database named after `name` for this file's tests. */
export function useFreshDatabase(name: string) {
  let previous = "";
  beforeAll(async () => {
    previous = process.env.DATABASE_URL!;
    let url: string;
    if (previous.startsWith("file:")) {
      const file = `${previous.slice("file:".length).replace(/\.db$/, "")}-${name}.db`;
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
      url = `file:${file}`;
    } else {
      const u = new URL(previous);
      u.pathname = `${u.pathname}_${name}`;
      url = u.toString();
      await dropPostgres(url);
    }
    await migrate(url);
    process.env.DATABASE_URL = url;
  });
  afterAll(async () => {
    await db().$disconnect();
    process.env.DATABASE_URL = previous;
  });
}
