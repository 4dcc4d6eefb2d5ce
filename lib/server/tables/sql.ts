import "server-only";
import { db, dialect, Prisma, type Tx } from "@/lib/db";
import { escapeLike } from "@/lib/domain/like";
import { mayBeInNumber, NUMBERING, type NumberedRecord } from "@/lib/domain/records/numbering";

/**
 * Case-insensitive LIKE on both databases, with the search text escaped so % and _ match
 * themselves. SQLite's LIKE is case-insensitive for ASCII; PostgreSQL needs ILIKE.
 */
export function likeSql(column: Prisma.Sql, pattern: "contains" | "startsWith", text: string): Prisma.Sql {
  const escaped = escapeLike(text);
  const value = pattern === "contains" ? `%${escaped}%` : `${escaped}%`;
  const op = dialect() === "postgresql" ? Prisma.raw("ILIKE") : Prisma.raw("LIKE");
  return Prisma.sql`${column} ${op} ${value} ESCAPE '\\'`;
}

/** `(a LIKE %text% OR b LIKE %text% …)`: the lists' quick search over several columns. */
export function containsAny(columns: Prisma.Sql[], text: string): Prisma.Sql {
  const each = columns.map((column) => likeSql(column, "contains", text));
  return Prisma.sql`(${Prisma.join(each, " OR ")})`;
}

/**
 * Text anywhere in a record's number or short description — in the short description only when
 * the text cannot be in a number of `kind` ("VPN"; mayBeInNumber): each test of the number column
 * costs PostgreSQL a lowercasing of the row's text (PERF-8). `alias` names the table in code, never
 * input.
 */
export function numberOrDescription(alias: string, kind: NumberedRecord, text: string): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  return mayBeInNumber(kind, text)
    ? containsAny([col("number"), col("shortDescription")], text)
    : likeSql(col("shortDescription"), "contains", text);
}

/**
 * A list's search box: text that is a number's prefix and digits (CS0001234, CS50) finds by the
 * start of the number (an index range); other text, as numberOrDescription finds it.
 */
export function numberOrTextSearch(alias: string, kind: "case" | "workOrder", text: string): Prisma.Sql {
  return new RegExp(`^${NUMBERING[kind].prefix}\\d+$`, "i").test(text)
    ? likeSql(Prisma.raw(`${alias}."number"`), "startsWith", text.toUpperCase())
    : numberOrDescription(alias, kind, text);
}

/**
 * `LIMIT n` written into the statement, not sent as a parameter: n is a constant of the code (a
 * page size, a count's cap), never input. PostgreSQL keeps one plan for a prepared statement once
 * five custom plans have shown it is no worse; an unknown LIMIT makes it guess a tenth of the
 * table, so every list statement was planned again on each request (~0.35 ms of the database's
 * CPU, more than some of them take to run). With the numbers written in, it keeps one (PERF-8).
 */
export function limitSql(n: number): Prisma.Sql {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`LIMIT must be a whole number, not ${n}`);
  return Prisma.raw(`LIMIT ${n}`);
}

/**
 * `OFFSET n` for a page: nothing on the first page (its statement's plan is kept, as `limitSql`
 * explains), a parameter on the others — the page number comes from the request.
 */
export const offsetSql = (n: number): Prisma.Sql => (n > 0 ? Prisma.sql`OFFSET ${n}` : Prisma.empty);

export const whereAll = (parts: Prisma.Sql[]) =>
  parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;

/**
 * One page of `SELECT select from ORDER BY order` and the count of `from` (which holds the WHERE)
 * — the two statements of every paged list, sent together.
 */
export async function pageAndCount<Row>(
  select: Prisma.Sql,
  from: Prisma.Sql,
  order: Prisma.Sql,
  page: { limit: number; offset: number },
): Promise<{ rows: Row[]; total: number }> {
  const [rows, [{ n }]] = await Promise.all([
    db().$queryRaw<
      Row[]
    >`SELECT ${select} ${from} ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`,
    db().$queryRaw<{ n: unknown }[]>`SELECT COUNT(*) AS "n" ${from}`,
  ]);
  return { rows, total: Number(n) };
}

/** Numbers from raw SQL arrive as number, bigint or (PostgreSQL COUNT) string. */
export const num = (v: unknown) => Number(v);

/**
 * Times from raw SQL: a Date from PostgreSQL's driver (kept as it is: a copy is one more Date
 * built per row and column, PERF-8), ISO text from SQLite.
 */
export const date = (v: unknown) => (v instanceof Date ? v : new Date(v as string | number));

/**
 * A table named by code, as SQL: its Prisma model's name, quoted for both dialects —
 * prisma/schema.prisma maps no model to another table name. The one place raw SQL spells a table
 * it does not name literally (row locks, the record tables, queue claims, JSON-rows inserts, the
 * Table API's display values).
 */
export const tableSql = (model: Prisma.ModelName) => Prisma.raw(`"${model}"`);

/** The Prisma model of a client property name ("changeRequest" → "ChangeRequest"), or undefined. */
export const modelOf = (property: string): Prisma.ModelName | undefined => MODEL_BY_PROPERTY.get(property);
const MODEL_BY_PROPERTY = new Map(
  Object.values(Prisma.ModelName).map((model) => [`${model[0].toLowerCase()}${model.slice(1)}`, model]),
);

/**
 * How many values one `IN (…)` list binds at most: SQLite refuses more than 999 variables in one
 * statement (PostgreSQL allows 65,535), and a statement also binds its other values.
 */
export const IN_LIST_MAX = 500;

/** Runs `work` on consecutive groups of at most `size` items, one after another. */
export async function inGroups<T>(items: readonly T[], size: number, work: (group: T[]) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await work(items.slice(i, i + size));
}

export type JsonColumn = { name: string; type: "text" | "int" | "bool" };
type Cell = string | number | boolean | null;

/**
 * Many rows as a table, from ONE bound JSON parameter (an array of arrays, in `columns` order): 10,000
 * rows are one statement with one parameter — no parameter list over the databases' limits, and none
 * of Prisma's per-row work, which costs seconds at that size (SET-3's import). Column names come from
 * code, never from input.
 */
export function jsonRows(columns: readonly JsonColumn[], rows: readonly Cell[][]): Prisma.Sql {
  const json = JSON.stringify(rows);
  const pick = columns.map((c, i) => {
    if (dialect() !== "postgresql") return Prisma.raw(`json_extract(j.value, '$[${i}]') AS "${c.name}"`);
    const cast = c.type === "int" ? "::int" : c.type === "bool" ? "::boolean" : "";
    return Prisma.raw(`(j.value->>${i})${cast} AS "${c.name}"`);
  });
  return dialect() === "postgresql"
    ? Prisma.sql`SELECT ${Prisma.join(pick)} FROM jsonb_array_elements(${json}::jsonb) j`
    : Prisma.sql`SELECT ${Prisma.join(pick)} FROM json_each(${json}) j`;
}

/**
 * INSERT INTO "table" (columns…, shared…) SELECT … FROM jsonRows(…): the rows' own values and, for
 * every row alike, `shared` (a timestamp, an author), bound once. With `skipConflictOn` (a unique
 * column), a row whose key is already taken is skipped. Returns how many rows were written.
 */
export async function insertJsonRows(
  tx: { $executeRaw: (q: Prisma.Sql) => Promise<number> },
  table: Prisma.ModelName,
  columns: readonly JsonColumn[],
  rows: readonly Cell[][],
  shared: Record<string, Date | string | number | null> = {},
  skipConflictOn?: string,
): Promise<number> {
  if (!rows.length) return 0;
  const sharedNames = Object.keys(shared);
  const names = [...columns.map((c) => c.name), ...sharedNames].map((n) => Prisma.raw(`"${n}"`));
  const values = [
    ...columns.map((c) => Prisma.raw(`t."${c.name}"`)),
    ...sharedNames.map((n) => Prisma.sql`${shared[n]}`),
  ];
  // SQLite: without a WHERE, "ON CONFLICT" would parse as a join condition.
  const conflict = skipConflictOn
    ? Prisma.raw(`WHERE true ON CONFLICT ("${skipConflictOn}") DO NOTHING`)
    : Prisma.empty;
  return tx.$executeRaw(
    Prisma.sql`INSERT INTO ${tableSql(table)} (${Prisma.join(names)})
      SELECT ${Prisma.join(values)} FROM (${jsonRows(columns, rows)}) t ${conflict}`,
  );
}

/** 32 random hex characters per row, from the database's strong random source. */
export function randomHex(): Prisma.Sql {
  return dialect() === "postgresql"
    ? Prisma.sql`md5(CAST(gen_random_uuid() AS TEXT) || CAST(gen_random_uuid() AS TEXT))`
    : Prisma.sql`lower(hex(randomblob(16)))`;
}

/**
 * UPDATE "table" from JSON rows (jsonRows), each row's `columns` set where the record's version is
 * still the row's — one statement per 5,000 rows (SET-3: an import of 10,000 changed contacts was
 * 20,000 round trips, 14 s on PostgreSQL). The version goes up and `updatedAt` is `at`, as Prisma's
 * update sets it. Returns the ids written: a row missing from them was changed meanwhile.
 */
export async function updateVersionedJsonRows(
  tx: Tx,
  table: Prisma.ModelName,
  columns: readonly JsonColumn[],
  rows: readonly { id: number; version: number; values: Cell[] }[],
  at: Date,
): Promise<Set<number>> {
  const written = new Set<number>();
  const all: JsonColumn[] = [{ name: "id", type: "int" }, { name: "version", type: "int" }, ...columns];
  const sets = Prisma.join(columns.map((c) => Prisma.raw(`"${c.name}" = t."${c.name}"`)));
  const update = (from: Prisma.Sql, returning: string) =>
    tx.$queryRaw<{ id: unknown }[]>(
      Prisma.sql`UPDATE ${tableSql(table)} AS r SET ${sets}, "version" = r."version" + 1, "updatedAt" = ${at}
      FROM ${from} t WHERE r."id" = t."id" AND r."version" = t."version" RETURNING ${Prisma.raw(returning)}`,
    );
  for (let i = 0; i < rows.length; i += JSON_UPDATE_ROWS) {
    const group = jsonRows(
      all,
      rows.slice(i, i + JSON_UPDATE_ROWS).map((r) => [r.id, r.version, ...r.values]),
    );
    // PostgreSQL hash-joins the JSON rows. SQLite puts the updated table first and read the JSON
    // rows once per record (17 s for 10,000 of 20,000 users): there they go to a temporary table
    // keyed by id, which each record finds by its key (80 ms). Its RETURNING names only the updated
    // table's columns, unqualified (PostgreSQL's "id" would be ambiguous with the rows' own).
    const ids =
      dialect() === "postgresql"
        ? await update(Prisma.sql`(${group})`, `r."id"`)
        : await viaTempTable(tx, all, group, () => update(Prisma.raw(`temp."${TEMP_ROWS}"`), `"id"`));
    for (const { id } of ids) written.add(num(id));
  }
  return written;
}

/** Rows per UPDATE of updateVersionedJsonRows: one JSON parameter each, a few hundred kB. */
const JSON_UPDATE_ROWS = 5_000;
const TEMP_ROWS = "caseflow_json_rows";
const SQLITE_TYPE = { int: "INTEGER", text: "TEXT", bool: "INTEGER" } as const;

/** SQLite: `rows` (id first) in a temporary table keyed by id for the time of `work`. */
async function viaTempTable<T>(
  tx: Tx,
  columns: readonly JsonColumn[],
  rows: Prisma.Sql,
  work: () => Promise<T>,
) {
  const defs = columns.map((c, i) => `"${c.name}" ${i === 0 ? "INTEGER PRIMARY KEY" : SQLITE_TYPE[c.type]}`);
  await tx.$executeRawUnsafe(`DROP TABLE IF EXISTS temp."${TEMP_ROWS}"`);
  await tx.$executeRawUnsafe(`CREATE TEMP TABLE "${TEMP_ROWS}" (${defs.join(", ")})`);
  await tx.$executeRaw`INSERT INTO temp.${Prisma.raw(`"${TEMP_ROWS}"`)} ${rows}`;
  const result = await work();
  await tx.$executeRawUnsafe(`DROP TABLE temp."${TEMP_ROWS}"`);
  return result;
}
