// The one Prisma client of the app, for the database DATABASE_URL names:
// file:… → SQLite (embedded default), postgresql://… → PostgreSQL.
// Both generated clients come from the same schema, so the SQLite client's types describe both.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqliteClient, Prisma } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { serializedSqliteAdapter } from "./db/sqlite-adapter";
import { withQueryCount } from "./db/query-count";

export type Db = SqliteClient;
export type Tx = Prisma.TransactionClient;
export type Dialect = "sqlite" | "postgresql";
export { Prisma };

/** A write refused by a unique key (Prisma's P2002): the row another request made first. */
export const isUniqueViolation = (e: unknown): boolean =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

export const DEFAULT_DATABASE_URL = "file:./data/caseflow.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function dialectOf(url: string): Dialect {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql://");
}

/** The SQLite file a `file:` URL names, absolute. */
export function sqliteFile(url: string): string {
  const file = url.slice("file:".length).split("?")[0];
  return path.isAbsolute(file) ? file : path.join(/*turbopackIgnore: true*/ process.cwd(), file);
}

/**
 * The client, and on PostgreSQL the pool it runs on: lib/db/read.ts sends the pages' hot reads
 * through the same connections without the ORM.
 */
function createClient(url: string): { client: Db; pool: pg.Pool | null } {
  if (dialectOf(url) === "postgresql") {
    const pool = new pg.Pool({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // Scripts end with $disconnect(), which leaves a pool it did not make open: idle
      // connections must not keep their process alive.
      allowExitOnIdle: true,
    });
    const adapter = new PrismaPg(pool);
    return { client: new PostgresClient({ adapter: withQueryCount(adapter) }) as unknown as Db, pool };
  }
  const adapter = withQueryCount(serializedSqliteAdapter(`file:${sqliteFile(url)}`));
  return { client: new SqliteClient({ adapter }), pool: null };
}

type Held = { url: string; client: Db; pool: pg.Pool | null };
const holder = globalThis as unknown as { __caseflowDb?: Held };

function held(): Held {
  const url = databaseUrl();
  if (!holder.__caseflowDb || holder.__caseflowDb.url !== url) {
    holder.__caseflowDb = { url, ...createClient(url) };
  }
  return holder.__caseflowDb;
}

/** The shared client; re-created only if DATABASE_URL changes (tests switch databases). */
export function db(): Db {
  return held().client;
}

/** PostgreSQL: the pool under the shared client (lib/db/read.ts); null on SQLite. */
export function postgresPool(): pg.Pool | null {
  return held().pool;
}

export function dialect(): Dialect {
  return dialectOf(databaseUrl());
}

/**
 * Runs `work` in one database transaction. Every change to a record goes through here, together
 * with the journal entries, audit rows, sync notes and outbox messages it causes (SYNC-2, REL-4);
 * so do the scheduled jobs (lib/server/jobs), sessions and the sign-in throttle (lib/server/auth).
 * The writes that do not are single statements that are atomic alone and cause nothing else: the
 * outbox's delivery bookkeeping (claim, sent, retry — lib/server/outbox/deliver.ts and admin.ts).
 * Generous limits: fan-out to thousands of cases happens inside one transaction.
 */
export async function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const hooks: (() => void)[] = [];
  let open: Tx | undefined;
  let out: T;
  try {
    out = await db().$transaction(
      (tx) => {
        commitHooks.set((open = tx), hooks);
        return work(tx);
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
  } finally {
    if (open) commitHooks.delete(open); // committed or rolled back: later steps run at once
  }
  for (const hook of hooks) {
    try {
      hook();
    } catch (e) {
      console.error("[caseflow] an after-commit step failed:", e);
    }
  }
  return out;
}

const commitHooks = new WeakMap<Tx, (() => void)[]>();

/**
 * Runs `step` once the transaction `tx` has committed — at once when `tx` is not an open
 * transaction of `transaction()` (none, or one that has committed) — and never when it rolls back.
 * For what must not happen before the change is visible to others: forgetting cached option lists
 * (lib/server/cache.ts), which another request could otherwise reload from the old rows.
 */
export function afterCommit(tx: Tx | undefined, step: () => void): void {
  const hooks = tx ? commitHooks.get(tx) : undefined;
  if (hooks) hooks.push(step);
  else step();
}

/**
 * Makes transactions that check a shared invariant and then write (the last active administrator)
 * take turns: on PostgreSQL a transaction-scoped advisory lock named by `key`, released at commit
 * or rollback — one lock, so no lock-order deadlock. SQLite needs none: one write transaction runs
 * at a time, and a transaction that read before another's commit cannot write after it.
 */
export async function takeTurns(tx: Tx, key: number): Promise<void> {
  if (dialect() === "postgresql") await tx.$executeRaw`SELECT pg_advisory_xact_lock(${key}::bigint)`;
}

/**
 * As takeTurns, for transactions about one name among many (`space` says which kind: LOCK in
 * lib/server/locks.ts): the two-key advisory lock (space, hash of the name), which never meets a
 * one-key lock of takeTurns.
 */
export async function takeTurnsOn(tx: Tx, space: number, name: string): Promise<void> {
  if (dialect() === "postgresql")
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${space}::int, hashtext(${name}))`;
}

/**
 * `work` inside the caller's transaction when it holds one, else in its own: lets an adapter that
 * makes several changes for one request (the Table API: fields, links and a journal entry) commit
 * them together or not at all, through the same services the forms call one at a time. A service
 * given `outer` must read through it, never `db()`, until it returns: on SQLite the client has one
 * connection, and a read outside the open transaction would wait for it forever.
 */
export function inTransaction<T>(outer: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  return outer ? work(outer) : transaction(work);
}
