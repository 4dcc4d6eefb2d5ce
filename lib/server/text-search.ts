import "server-only";
import { dialect } from "@/lib/db";
import { escapeLike } from "@/lib/domain/like";

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
