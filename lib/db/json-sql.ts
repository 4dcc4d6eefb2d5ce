// PERF-8: a read that answers one JSON document (lib/db/read.ts readDocument), written once for
// both databases. The builder is called once per dialect and returns that dialect's text; the few
// functions that differ are here, so a page's statement reads as what it fetches:
//
//   const CASE_PAGE = statement((d) => `SELECT ${d.obj({ number: `c."number"`, … })} AS "doc"
//     FROM "Case" c WHERE c."number" = ${d.p(1)}`);
//
// Hand-written because no maintained library spans PostgreSQL's json_build_object/json_agg and
// SQLite's json_object/json_group_array; it is a handful of string functions.
import type { ReadStatement } from "./read";

export type JsonDialect = {
  /** The n-th parameter (1-based). */
  p: (n: number) => string;
  /** A JSON object of named SQL expressions. */
  obj: (fields: Record<string, string>) => string;
  /**
   * A JSON array of the column `j` of `select`'s rows, in its order ([] when none). `select` names
   * its JSON column `j` and orders (and limits) its rows itself.
   */
  list: (select: string) => string;
  /** A scalar subquery answering one JSON value, embedded as JSON (not as text). */
  nest: (select: string) => string;
  /** A timestamp as ISO 8601 UTC text ("2026-11-24T09:00:56.028Z"), or null. */
  time: (expr: string) => string;
  /** A boolean as JSON true/false (SQLite stores 0/1). */
  bool: (expr: string) => string;
  /** Text as a JSON string: what `list` needs to collect texts (it takes each row's JSON value). */
  text: (expr: string) => string;
  /** Text holding a decimal id (an audit value) as an integer; null for anything else. */
  intOrNull: (expr: string) => string;
  /**
   * After a table name: the index SQLite must use. Its planner, given statistics in which a mostly
   * NULL column (Case.parentId) looks unselective, walks the whole table instead; PostgreSQL's
   * statistics know better, and it gets nothing.
   */
  indexedBy: (index: string) => string;
};

const pairs = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `'${k}', ${v}`)
    .join(", ");

const POSTGRESQL: JsonDialect = {
  p: (n) => `$${n}`,
  obj: (fields) => `json_build_object(${pairs(fields)})`,
  list: (select) => `COALESCE((SELECT json_agg(t."j") FROM (${select}) t), '[]'::json)`,
  nest: (select) => `(${select})`,
  time: (expr) => `to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  bool: (expr) => `(${expr})`,
  text: (expr) => `to_json(${expr})`,
  intOrNull: (expr) => `CASE WHEN ${expr} ~ '^[0-9]{1,9}$' THEN CAST(${expr} AS INTEGER) END`,
  indexedBy: () => "",
};

const SQLITE: JsonDialect = {
  p: (n) => `@p${n}`,
  obj: (fields) => `json_object(${pairs(fields)})`,
  // json(): a JSON value read back from a subquery is text to SQLite until json() says otherwise.
  list: (select) => `(SELECT json_group_array(json(t."j")) FROM (${select}) t)`,
  nest: (select) => `json((${select}))`,
  time: (expr) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${expr})`,
  bool: (expr) => `json(CASE WHEN ${expr} THEN 'true' ELSE 'false' END)`,
  text: (expr) => `json_quote(${expr})`,
  intOrNull: (expr) =>
    `CASE WHEN length(${expr}) BETWEEN 1 AND 9 AND ${expr} NOT GLOB '*[^0-9]*' THEN CAST(${expr} AS INTEGER) END`,
  indexedBy: (index) => `INDEXED BY "${index}"`,
};

/** One read statement, built for each database from the same description. */
export function statement(build: (d: JsonDialect) => string): ReadStatement {
  return { postgresql: build(POSTGRESQL), sqlite: build(SQLITE) };
}
