// `npm run backup -- <file>` (SET-6): a consistent copy of the SQLite database named by DATABASE_URL,
// taken while the app runs. The app writes in WAL mode: committed pages sit in caseflow.db-wal until
// a checkpoint moves them into caseflow.db, so copying the file (even with the -wal beside it) can
// catch a half-checkpointed database or miss recent commits. SQLite's online backup API reads the
// pages through SQLite itself inside one read transaction: the copy is one committed state, and
// the app keeps writing meanwhile. PostgreSQL has pg_dump for this (README "Production" → "Backups").
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { DEFAULT_DATABASE_URL, providerOf, sqlitePath } from "./db/providers.mjs";

export const USAGE = "usage: npm run backup -- <file>   (e.g. backups/caseflow-$(date +%F).db)";

export type BackupPlan =
  { ok: true; source: string; destination: string } | { ok: false; status: 1 | 2; message: string };

/** What to copy where, or why not — from the arguments and DATABASE_URL alone, writing nothing. */
export function planBackup(
  args: string[],
  env: Record<string, string | undefined> = process.env,
  exists: (file: string) => boolean = existsSync,
): BackupPlan {
  if (args.length !== 1 || !args[0]) return { ok: false, status: 2, message: USAGE };
  const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  let provider: string;
  try {
    provider = providerOf(url);
  } catch (e) {
    return { ok: false, status: 1, message: (e as Error).message };
  }
  if (provider !== "sqlite")
    return {
      ok: false,
      status: 1,
      message:
        "npm run backup copies SQLite databases only, and DATABASE_URL names a PostgreSQL database. " +
        'Use pg_dump and pg_restore as README "Production" → "Backups" shows: ' +
        'pg_dump -Fc "$DATABASE_URL" -f caseflow.dump',
    };
  const source = sqlitePath(url);
  // npm runs scripts in the project folder; INIT_CWD is where the command was typed.
  const destination = path.resolve(env.INIT_CWD ?? process.cwd(), args[0]);
  if (!exists(source))
    return { ok: false, status: 1, message: `no database at ${source}: check DATABASE_URL (${url})` };
  if (exists(destination))
    return {
      ok: false,
      status: 1,
      message: `${destination} already exists; a backup never overwrites a file — name a new one`,
    };
  if (!exists(path.dirname(destination)))
    return {
      ok: false,
      status: 1,
      message: `folder ${path.dirname(destination)} does not exist; create it first (mkdir -p)`,
    };
  return { ok: true, source, destination };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Checks the copy as a restore would open it: integrity, tables, and rows of the main tables. */
function verify(file: string) {
  const copy = new Database(file);
  try {
    const integrity = copy.pragma("integrity_check", { simple: true }) as string;
    const tables = (
      copy
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
        .all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    const counts = ["Case", "User", "Account"]
      .filter((t) => tables.includes(t))
      .map((t) => `${(copy.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n} ${t}`);
    return { integrity, tables: tables.length, counts };
  } finally {
    copy.close(); // the last connection checkpoints and removes -wal/-shm: one self-contained file
  }
}

async function main() {
  const plan = planBackup(process.argv.slice(2));
  if (!plan.ok) {
    console.error(plan.message);
    process.exit(plan.status);
  }
  const source = new Database(plan.source, { readonly: true, fileMustExist: true });
  try {
    // The first step opens the backup; returning the maximum then copies every remaining page in
    // one step, i.e. one read transaction (one snapshot). In small steps, each commit the app makes
    // in between would restart the copy, and a busy app could keep it from ever finishing.
    await source.backup(plan.destination, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const { integrity, tables, counts } = verify(plan.destination);
  const summary = `${megabytes(statSync(plan.destination).size)}, ${tables} tables, ${counts.join(", ")}`;
  if (integrity !== "ok") {
    console.error(`backup ${plan.destination} FAILED integrity_check (${integrity}); do not rely on it`);
    process.exit(1);
  }
  console.log(`backup ${plan.destination}: ${summary}, integrity ok`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main().catch((e: unknown) => {
    console.error(`backup failed: ${(e as Error).message}`);
    process.exit(1);
  });
}
