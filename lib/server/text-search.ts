import "server-only";
import { dialect, type Prisma } from "@/lib/db";
import { escapeLike } from "@/lib/domain/like";
import { mayBeInNumber } from "@/lib/domain/records/numbering";

/**
 * Case-insensitive "contains" for Prisma string filters on both databases: SQLite's LIKE is
 * already case-insensitive for ASCII; PostgreSQL needs mode "insensitive" (ILIKE). Prisma passes
 * the text into LIKE as it is on both, so `%` and `_` are escaped here (lib/domain/like.ts).
 */
function containsText(q: string): { contains: string } {
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

/** The fields of a model's `where` that take a string filter (not ids, dates or relations). */
type TextField<W> = { [K in keyof W]-?: { contains: string } extends W[K] ? K : never }[keyof W] & string;

/**
 * The text in any of the text fields of a model's `where` (`W`, given by the caller: the field
 * names are checked against it); nothing to match when the text is empty.
 */
export function containsInAny<W>(q: string, fields: readonly TextField<W>[]): { OR?: W[] } {
  if (!q) return {};
  const filter = containsText(q); // one escaped text for every field (Prisma does not change it)
  // A computed key widens to a string index; TextField makes each object one of W's string filters.
  return { OR: fields.map((f) => ({ [f]: filter }) as W) };
}

/** The numbered records a list or picker searches through Prisma, with their models' `where`. */
type WhereOf = {
  account: Prisma.AccountWhereInput;
  asset: Prisma.AssetWhereInput;
  case: Prisma.CaseWhereInput;
  incident: Prisma.IncidentWhereInput;
  problem: Prisma.ProblemWhereInput;
  change: Prisma.ChangeRequestWhereInput;
};

/** Each record's number field, a string filter on its model (checked here, so no cast below). */
const NUMBER_FIELD: { [K in keyof WhereOf]: TextField<WhereOf[K]> } = {
  account: "number",
  asset: "number",
  case: "number",
  incident: "number",
  problem: "number",
  change: "number",
};

/**
 * The text in a record's `number` or in the other fields — in the other fields only when the text
 * cannot be in a number of `kind` ("VPN", "printer"; mayBeInNumber): each test of the number
 * column costs PostgreSQL a lowercasing of the row's text (PERF-8). The raw-SQL lists do the same
 * through numberOrDescription (lib/server/tables/sql.ts).
 */
export function numberOrFields<K extends keyof WhereOf>(
  kind: K,
  q: string,
  fields: readonly TextField<WhereOf[K]>[],
): { OR?: WhereOf[K][] } {
  return containsInAny<WhereOf[K]>(q, mayBeInNumber(kind, q) ? [NUMBER_FIELD[kind], ...fields] : fields);
}
