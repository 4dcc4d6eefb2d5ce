// Applies pending migrations from prisma/migrations/<provider>/ to DATABASE_URL, in name order,
// each in its own transaction, recorded in _caseflow_migrations with a checksum.
// Used by `npm start`, the test setups and `npm run db:migrate`. Safe to run concurrently.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, providerOf, sqlitePath, DEFAULT_DATABASE_URL } from "./providers.mjs";

/** @typedef {{ name: string, sql: string, checksum: string }} Migration */

/**
 * @param {string} provider
 * @param {string} [root]
 * @returns {Migration[]}
 */
function pending(provider, root = path.join(ROOT, "prisma/migrations")) {
  const dir = path.join(root, provider);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => existsSync(path.join(dir, d, "migration.sql")))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * @param {Map<string, string>} applied name → checksum
 * @param {Migration} migration
 */
function checkApplied(applied, migration) {
  const row = applied.get(migration.name);
  if (row && row !== migration.checksum)
    throw new Error(`migration ${migration.name} was changed after it was applied (checksum differs)`);
  return Boolean(row);
}

/**
 * SQLite. Prisma's migrations rebuild a table to change a column (CREATE new_T, copy, DROP T,
 * RENAME) after `PRAGMA foreign_keys=OFF` — a pragma SQLite ignores inside a transaction. With
 * foreign keys on (better-sqlite3's default), that DROP runs the ON DELETE actions of every
 * table referencing T: rebuilding "Incident" would set every Case.incidentId to NULL. So foreign
 * keys are switched off around each migration's transaction, and the migration commits only if
 * `PRAGMA foreign_key_check` finds nothing broken.
 * @param {string} url
 * @param {string | undefined} root
 */
async function migrateSqlite(url, root) {
  const { default: Database } = await import("better-sqlite3");
  const file = sqlitePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 10000");
  db.exec(
    `CREATE TABLE IF NOT EXISTS "_caseflow_migrations" (
      name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  /** @type {string[]} */
  const done = [];
  try {
    db.pragma("foreign_keys = OFF");
    for (const m of pending("sqlite", root)) {
      const tx = db.transaction(() => {
        const rows = /** @type {{ name: string, checksum: string }[]} */ (
          db.prepare(`SELECT name, checksum FROM "_caseflow_migrations"`).all()
        );
        /** @type {Map<string, string>} */
        const applied = new Map(rows.map((r) => [r.name, r.checksum]));
        if (checkApplied(applied, m)) return;
        db.exec(m.sql);
        const broken = /** @type {unknown[]} */ (db.pragma("foreign_key_check")); // one row per problem
        if (broken.length)
          throw new Error(
            `migration ${m.name} breaks ${broken.length} foreign key(s), e.g. ${JSON.stringify(broken[0])}`,
          );
        db.prepare(`INSERT INTO "_caseflow_migrations" VALUES (?, ?, ?)`).run(
          m.name,
          m.checksum,
          new Date().toISOString(),
        );
        done.push(m.name);
      });
      tx.immediate();
    }
  } finally {
    db.close();
  }
  return done;
}

/**
 * The database of `url`, created when it does not exist yet (SQLSTATE 3D000 on connecting to it)
 * through the server's `postgres` database — asked only then: a role allowed into its own database
 * alone (pg_hba.conf, a pooler, a hosted server) could not start, though its database was there.
 * @param {string} url
 */
export async function ensurePostgresDatabase(url) {
  const { default: pg } = await import("pg");
  const own = new pg.Client({ connectionString: url });
  try {
    await own.connect();
    return;
  } catch (e) {
    if (/** @type {{ code?: string }} */ (e).code !== "3D000") throw e;
  } finally {
    await own.end().catch(() => {});
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (e) {
    // pg rejects with a DatabaseError, whose code is PostgreSQL's SQLSTATE.
    if (/** @type {{ code?: string }} */ (e).code === "42P04") return; // created concurrently
    const why = /** @type {Error} */ (e).message;
    throw new Error(
      `database "${name}" does not exist, and it could not be created (${why}): create it, e.g. createdb ${name}`,
      { cause: e },
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * @param {string} url
 * @param {string | undefined} root
 */
async function migratePostgres(url, root) {
  const { default: pg } = await import("pg");
  await ensurePostgresDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  /** @type {string[]} */
  const done = [];
  try {
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(
      `CREATE TABLE IF NOT EXISTS "_caseflow_migrations" (
        name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query(`SELECT name, checksum FROM "_caseflow_migrations"`);
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    for (const m of pending("postgresql", root)) {
      if (checkApplied(applied, m)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_caseflow_migrations" (name, checksum) VALUES ($1, $2)`, [
          m.name,
          m.checksum,
        ]);
        await client.query("COMMIT");
        done.push(m.name);
      } catch (e) {
        await client.query("ROLLBACK");
        // pg rejects with an Error (a DatabaseError for the migration's SQL).
        throw new Error(`migration ${m.name} failed: ${/** @type {Error} */ (e).message}`, { cause: e });
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => {});
    await client.end();
  }
  return done;
}

/**
 * Applies the pending migrations.
 * @param {string} [url] the database (DATABASE_URL by default)
 * @param {string} [root] a folder to read migrations from instead of prisma/migrations (tests)
 */
export async function migrate(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, root = undefined) {
  return providerOf(url) === "postgresql" ? migratePostgres(url, root) : migrateSqlite(url, root);
}

// Run as a script (not imported): compared as URLs, so a path with spaces or "%" still matches.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const done = await migrate();
  console.log(
    done.length ? `applied ${done.length} migration(s): ${done.join(", ")}` : "database is up to date",
  );
}
