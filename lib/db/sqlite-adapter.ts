// SQLite through better-sqlite3, made safe for a server that runs many requests at once.
//
// The stock adapter holds one connection. Its interactive transactions are serialised by a
// mutex, but a plain query issued while another request's transaction is open runs *inside*
// that transaction (and is lost if it rolls back). This wrapper queues every top-level query
// behind open transactions, takes the write lock when a transaction begins (so two processes
// never deadlock upgrading read locks), sets the connection pragmas, and gives LIKE the escape
// character PostgreSQL's has.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return ready;
  }
}

const PRAGMAS = "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
/** A write statement that changes nothing but makes SQLite take the RESERVED (write) lock now. */
const TAKE_WRITE_LOCK = 'UPDATE "NumberCounter" SET "value" = "value" WHERE 0';

const NO_ARGS = { args: [], argTypes: [] };

/**
 * Prisma's contains/startsWith/endsWith are a bare `LIKE ?` on SQLite, which has no escape character
 * at all — a `%` or `_` someone searched for stayed a wildcard. PostgreSQL's LIKE escapes with a
 * backslash by default; every statement gets the same here, so the one escaping of search text
 * (lib/domain/like.ts) is exact on both databases. A LIKE that names its own ESCAPE keeps it.
 */
const BARE_LIKE = /\bLIKE \?(?!\s*ESCAPE\b)/g;
export function withLikeEscape(q: SqlQuery): SqlQuery {
  return q.sql.includes("LIKE ?") ? { ...q, sql: q.sql.replace(BARE_LIKE, "LIKE ? ESCAPE '\\'") } : q;
}
const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\b/i;

class SerializedTransaction implements Transaction {
  readonly provider: Transaction["provider"];
  readonly adapterName: string;
  readonly options: Transaction["options"];
  private finished = false;
  constructor(
    private inner: Transaction,
    private release: () => void,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    this.options = inner.options;
  }
  queryRaw(q: SqlQuery) {
    return this.inner.queryRaw(withLikeEscape(q));
  }

  /**
   * Prisma ends a transaction by running COMMIT or ROLLBACK here, and only then calls commit()
   * or rollback() — not at all if that statement fails (a full disk, an I/O error; SQLite may
   * already have rolled back on its own). So a failing end closes the transaction and frees the
   * connection itself; otherwise every later query would wait forever.
   */
  async executeRaw(q: SqlQuery) {
    if (!ENDS_TRANSACTION.test(q.sql)) return this.inner.executeRaw(withLikeEscape(q));
    try {
      return await this.inner.executeRaw(q);
    } catch (e) {
      await this.inner.executeRaw({ sql: "ROLLBACK", ...NO_ARGS }).catch(() => {}); // no-op if none is open
      await this.finish(() => this.inner.rollback());
      throw e;
    }
  }
  commit() {
    return this.finish(() => this.inner.commit());
  }
  rollback() {
    return this.finish(() => this.inner.rollback());
  }

  /** Releases the connection exactly once, whichever way the transaction ends. */
  private async finish(end: () => Promise<void>) {
    if (this.finished) return;
    this.finished = true;
    try {
      await end();
    } finally {
      this.release();
    }
  }
}

/** better-sqlite3's bundled SQLite: SQLITE_MAX_VARIABLE_NUMBER (the default since SQLite 3.32). */
export const SQLITE_MAX_VARIABLES = 32_766;

class SerializedAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;
  private lock = new Lock();
  constructor(private inner: SqlDriverAdapter) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.lock.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
  queryRaw(q: SqlQuery) {
    return this.exclusive(() => this.inner.queryRaw(withLikeEscape(q)));
  }
  executeRaw(q: SqlQuery) {
    return this.exclusive(() => this.inner.executeRaw(withLikeEscape(q)));
  }
  executeScript(script: string) {
    return this.exclusive(() => this.inner.executeScript(script));
  }
  getConnectionInfo() {
    // Prisma assumes 999 bound values on SQLite unless the adapter says more, and a paged read with
    // a longer `in` list (an external user's 1,000 cases in the Table API) failed with P2029. The
    // SQLite that better-sqlite3 bundles takes SQLITE_MAX_VARIABLE_NUMBER = 32,766, as PostgreSQL's
    // limit is for Prisma: the same reads work on both databases.
    return {
      ...(this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: false }),
      maxBindValues: SQLITE_MAX_VARIABLES,
    };
  }
  dispose() {
    return this.inner.dispose();
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.lock.acquire();
    try {
      const tx = await this.inner.startTransaction(isolationLevel);
      try {
        await tx.executeRaw({ sql: TAKE_WRITE_LOCK, ...NO_ARGS });
      } catch (e) {
        await tx.executeRaw({ sql: "ROLLBACK", ...NO_ARGS }).catch(() => {});
        await tx.rollback();
        throw e;
      }
      return new SerializedTransaction(tx, release);
    } catch (e) {
      release();
      throw e;
    }
  }
}

export function serializedSqliteAdapter(url: string, busyTimeoutMs = 15_000): SqlDriverAdapterFactory {
  const factory = new PrismaBetterSQLite3({ url, timeout: busyTimeoutMs });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      await adapter.executeScript(PRAGMAS);
      return new SerializedAdapter(adapter);
    },
  };
}
