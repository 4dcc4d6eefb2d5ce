// PERF-8: the pages' hot reads without the ORM. A Prisma call costs ~0.7–1.3 ms of CPU (its query
// compiler, the adapter's row conversion) and a $queryRaw ~0.3 ms, where the same statement sent
// through the driver costs ~0.1 ms — and a page that sends one statement returning one JSON
// document instead of a dozen pays that once. Statements are prepared once per connection:
// PostgreSQL through the pool under the Prisma client (lib/db.ts), SQLite through a read-only
// connection of its own (WAL: it reads the last committed state and never waits for a writer).
//
// Only for reads outside a transaction: a service that writes reads through its `tx`.
// Placeholders: `$1`, `$2`… on PostgreSQL, `@p1`, `@p2`… on SQLite (json-sql.ts writes both).
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, dialect, postgresPool, sqliteFile, type Prisma } from "@/lib/db";
import { countStatement } from "./query-count";

export type ReadStatement = { postgresql: string; sqlite: string };
/** A parameter as each database compares it with stored values (dates: see `param`). */
export type ReadParam = string | number | boolean | null | Date;

type SqliteReader = { url: string; db: Database.Database; statements: Map<string, Database.Statement> };
const holder = globalThis as unknown as { __caseflowReader?: SqliteReader };

function sqliteReader(): SqliteReader {
  const url = databaseUrl();
  if (holder.__caseflowReader?.url !== url) {
    holder.__caseflowReader?.db.close();
    const conn = new Database(sqliteFile(url), { readonly: true, fileMustExist: true, timeout: 15_000 });
    holder.__caseflowReader = { url, db: conn, statements: new Map() };
  }
  return holder.__caseflowReader;
}

/**
 * Dates as each database stores them: PostgreSQL's `timestamp(3)` holds UTC without a zone and
 * ignores the zone of a literal compared with it; Prisma writes SQLite's DATETIME as ISO text
 * with "+00:00", which text comparison must meet exactly. Booleans are 0/1 on SQLite.
 */
function param(v: ReadParam, sqlite: boolean): string | number | null {
  if (v instanceof Date) return sqlite ? v.toISOString().replace("Z", "+00:00") : v.toISOString();
  if (typeof v === "boolean") return sqlite ? Number(v) : String(v);
  return v;
}

const names = new Map<string, string>();
/** A prepared statement's name on PostgreSQL: the same text always gets the same name. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) names.set(text, (name = `cf_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`));
  return name;
}

/**
 * PostgreSQL's `timestamp(3)` holds UTC without a zone; the driver would read it in the server's
 * local zone. Read as UTC, as Prisma does.
 */
const TIMESTAMP = 1114;
const defaultParser = (oid: number, format?: "text" | "binary") =>
  pg.types.getTypeParser(oid, format) as unknown as (value: string) => unknown;
const types: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP ? (v: string) => new Date(`${v.replace(" ", "T")}Z`) : defaultParser(oid, format),
};

/** SQLite's prepared statements, kept per connection (a list's filters make a bounded set of texts). */
function prepare(text: string): Database.Statement {
  const reader = sqliteReader();
  let prepared = reader.statements.get(text);
  if (!prepared) {
    if (reader.statements.size >= 1_000) reader.statements.clear();
    reader.statements.set(text, (prepared = reader.db.prepare(text)));
  }
  return prepared;
}

async function onPostgres<T>(text: string, params: readonly ReadParam[]): Promise<T[]> {
  countStatement(text);
  const result = await postgresPool()!.query<T & object>({
    name: nameOf(text),
    text,
    values: params.map((p) => param(p, false)),
    types,
  });
  return result.rows;
}

/** Every row of a read, as plain objects (column names as the statement gives them). */
export async function readRows<T>(st: ReadStatement, params: readonly ReadParam[] = []): Promise<T[]> {
  if (dialect() === "postgresql") return onPostgres<T>(st.postgresql, params);
  countStatement(st.sqlite);
  return prepare(st.sqlite).all(
    Object.fromEntries(params.map((p, i) => [`p${i + 1}`, param(p, true)])),
  ) as T[];
}

/**
 * Every row of a statement built with Prisma.sql (a list's filters): the same path as readRows.
 * Times come back as Date on PostgreSQL and as ISO text on SQLite, as from $queryRaw.
 */
export async function readSql<T>(query: Prisma.Sql): Promise<T[]> {
  const params = query.values as ReadParam[];
  if (dialect() === "postgresql") return onPostgres<T>(query.text, params);
  countStatement(query.sql);
  return prepare(query.sql).all(...params.map((p) => param(p, true))) as T[];
}

/**
 * The JSON document a read answers in its first row's column `doc` (lib/db/json-sql.ts builds
 * them): PostgreSQL's driver parses `json` itself; SQLite answers text. Null when there is no row.
 */
export async function readDocument<T>(
  st: ReadStatement,
  params: readonly ReadParam[] = [],
): Promise<T | null> {
  const [row] = await readRows<{ doc: unknown }>(st, params);
  if (!row || row.doc === null) return null;
  return (typeof row.doc === "string" ? JSON.parse(row.doc) : row.doc) as T;
}
