import "server-only";
import { dialect } from "@/lib/db";
import { escapeLike } from "@/lib/domain/like";
import { mayBeInNumber, type NumberedRecord } from "@/lib/domain/records/numbering";

/**
 * Case-insensitive "contains" for Prisma string filters on both databases: SQLite's LIKE is
 * already case-insensitive for ASCII; PostgreSQL needs mode "insensitive" (ILIKE). Prisma passes
 * the text into LIKE as it is on both, so `%` and `_` are escaped here (lib/domain/like.ts).
 */
export function containsText(q: string): { contains: string } {
  const text = escapeLike(q);
  return (dialect() === "postgresql" ? { contains: text, mode: "insensitive" } : { contains: text }) as {
    contains: string;
  };
}

export function startsWithText(q: string): { startsWith: string } {
  const text = escapeLike(q);
  return (dialect() === "postgresql" ? { startsWith: text, mode: "insensitive" } : { startsWith: text }) as {
    startsWith: string;
  };
}

/** The text in any of the fields (Prisma's `where`); nothing to match when the text is empty. */
export function containsInAny(q: string, fields: string[]): { OR?: Record<string, { contains: string }>[] } {
  return q ? { OR: fields.map((f) => ({ [f]: containsText(q) })) } : {};
}

/**
 * The text in a record's `number` or in the other fields — in the other fields only when the text
 * cannot be in a number of `kind` ("VPN", "printer"; mayBeInNumber): each test of the number
 * column costs PostgreSQL a lowercasing of the row's text (PERF-8). The raw-SQL lists do the same
 * through numberOrDescription (lib/server/tables/sql.ts).
 */
export function numberOrFields(kind: NumberedRecord, q: string, fields: string[]) {
  return containsInAny(q, mayBeInNumber(kind, q) ? ["number", ...fields] : fields);
}
