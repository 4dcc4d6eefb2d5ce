import "server-only";
import { dialect, Prisma } from "@/lib/db";

/**
 * Case-insensitive LIKE on both databases, with the search text escaped so % and _ match
 * themselves. SQLite's LIKE is case-insensitive for ASCII; PostgreSQL needs ILIKE.
 */
export function likeSql(column: Prisma.Sql, pattern: "contains" | "startsWith", text: string): Prisma.Sql {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  const value = pattern === "contains" ? `%${escaped}%` : `${escaped}%`;
  const op = dialect() === "postgresql" ? Prisma.raw("ILIKE") : Prisma.raw("LIKE");
  return Prisma.sql`${column} ${op} ${value} ESCAPE '\\'`;
}

/** `(a LIKE %text% OR b LIKE %text% …)`: the lists' quick search over several columns. */
export function containsAny(columns: Prisma.Sql[], text: string): Prisma.Sql {
  const each = columns.map((column) => likeSql(column, "contains", text));
  return Prisma.sql`(${Prisma.join(each, " OR ")})`;
}

export const whereAll = (parts: Prisma.Sql[]) =>
  parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;

/** Numbers from raw SQL arrive as number, bigint or (PostgreSQL COUNT) string. */
export const num = (v: unknown) => Number(v);
