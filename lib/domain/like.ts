// What a person types into a search or a Table API LIKE is text, not a pattern: `%`, `_` and the
// escape character itself must match themselves on both databases.

/**
 * `text` with LIKE's wildcards (and the backslash) escaped by a backslash: the escape character of
 * every LIKE Caseflow runs — PostgreSQL's default, given to SQLite by lib/db/sqlite-adapter.ts for
 * Prisma's contains/startsWith/endsWith and by lib/server/tables/sql.ts (likeSql) for raw SQL. Also keeps a
 * trailing backslash from being an error on PostgreSQL ("LIKE pattern must not end with escape").
 */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
