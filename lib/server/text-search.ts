import "server-only";
import { dialect } from "@/lib/db";

/**
 * Case-insensitive "contains" for Prisma string filters on both databases: SQLite's LIKE is
 * already case-insensitive for ASCII; PostgreSQL needs mode "insensitive" (ILIKE).
 */
export function containsText(q: string): { contains: string } {
  return (dialect() === "postgresql" ? { contains: q, mode: "insensitive" } : { contains: q }) as {
    contains: string;
  };
}

export function startsWithText(q: string): { startsWith: string } {
  return (dialect() === "postgresql" ? { startsWith: q, mode: "insensitive" } : { startsWith: q }) as {
    startsWith: string;
  };
}
