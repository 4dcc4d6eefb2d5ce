import "server-only";
import { dialect, Prisma } from "@/lib/db";
import { ftsMatch, tsQuery } from "@/lib/domain/search/query";
import type { SearchKind } from "@/lib/domain/search/kinds";

/**
 * WRK-5: where each kind's words are indexed — prisma/migrations/<provider>/20261123160000_search_index.
 * SQLite: the FTS5 table `fts` (rowid = the record's id) over `code` and `text`. PostgreSQL: a GIN
 * index on tsvectorOf(code, text), which the queries below repeat exactly so the planner uses it.
 */
export type KindIndex = {
  table: string;
  fts: string;
  /** The PostgreSQL index (search.test.ts checks the plan names it). */
  pgIndex: string;
  code: string;
  text: string;
  /** Only rows of this kind of user (contacts live in "User"). */
  contactsOnly?: boolean;
  /** The result's other columns, over the row aliased r (see SearchRow). */
  columns: string;
};

/** The UNION's columns (SearchRow) from a kind's expressions over r; NULL where it has none. */
function columns(c: Partial<Record<Exclude<keyof SearchRow, "kind" | "id">, string>>): string {
  const typed = { accountId: "CAST(NULL AS INTEGER)" } as Record<string, string>;
  const names = ["number", "title", "state", "accountName", "email", "accountId", "accountNumber", "flags"];
  return names.map((n) => `${c[n as keyof typeof c] ?? typed[n] ?? "NULL"} AS "${n}"`).join(", ");
}

const record = (table: string, more: Parameters<typeof columns>[0] = {}): KindIndex => ({
  table,
  fts: `${table}Search`,
  pgIndex: `${table}_search_idx`,
  code: "number",
  text: "shortDescription",
  columns: columns({
    number: `r."number"`,
    title: `r."shortDescription"`,
    state: `CAST(r."state" AS TEXT)`,
    ...more,
  }),
});

export const KIND_INDEX: Record<SearchKind, KindIndex> = {
  case: record("Case", {
    accountName: `(SELECT a."name" FROM "Account" a WHERE a."id" = r."accountId")`,
  }),
  incident: record("Incident"),
  problem: record("Problem"),
  change: record("ChangeRequest"),
  request: record("Request"),
  workOrder: record("WorkOrder"),
  account: {
    table: "Account",
    fts: "AccountSearch",
    pgIndex: "Account_search_idx",
    code: "number",
    text: "name",
    columns: columns({
      number: `r."number"`,
      title: `r."name"`,
      // c(ustomer), p(artner), i(nactive)
      flags: `(CASE WHEN r."isCustomer" THEN 'c' ELSE '' END) || (CASE WHEN r."isPartner" THEN 'p' ELSE '' END)
        || (CASE WHEN r."active" THEN '' ELSE 'i' END)`,
    }),
  },
  contact: {
    table: "User",
    fts: "ContactSearch",
    pgIndex: "User_contact_search_idx",
    code: "email",
    text: "name",
    contactsOnly: true,
    columns: columns({
      title: `r."name"`,
      accountName: `a."name"`,
      email: `r."email"`,
      accountId: `a."id"`,
      accountNumber: `a."number"`,
      flags: `(CASE WHEN r."active" THEN '' ELSE 'i' END)`,
    }),
  },
};

/** One result row, whatever its kind (the UNION's columns). */
export type SearchRow = {
  kind: SearchKind;
  id: unknown;
  number: string | null;
  title: string;
  state: string | null;
  accountName: string | null;
  email: string | null;
  accountId: unknown;
  accountNumber: string | null;
  flags: string | null;
};

/** The tsvector PostgreSQL indexes for a kind — character for character the migration's expression. */
export function tsvectorOf(k: KindIndex, alias: string): string {
  const text = `${alias}."${k.code}" || ' ' || ${alias}."${k.text}"`;
  return `to_tsvector('simple', regexp_replace(${text}, '[[:punct:]]+', ' ', 'g'))`;
}

/**
 * One kind's newest `limit` matches as a subquery, the record row aliased r. `scope` (ROLE-3) is a
 * predicate over r and the joins `join` adds. SQLite walks the FTS5 doclist newest rowid first and
 * stops at `limit`; PostgreSQL reads the GIN index and sorts the matches' ids. `"id" + 0`: ordered by
 * the bare id, PostgreSQL would walk the primary key backwards testing each row's text instead,
 * betting on its estimate of the words' frequency — words frequent alone but never together
 * ("printer fails" over the bench data) then cost a scan of the table, 500 ms at 100,000 cases,
 * where the index answers in 3 ms; the most frequent word costs 10 ms through the index.
 */
export function kindQuery(
  kind: SearchKind,
  words: readonly string[],
  limit: number,
  scope: { join?: Prisma.Sql; where?: Prisma.Sql } = {},
): Prisma.Sql {
  const k = KIND_INDEX[kind];
  const join = scope.join ?? Prisma.empty;
  const where = scope.where ? Prisma.sql`AND ${scope.where}` : Prisma.empty;
  const account = k.contactsOnly
    ? Prisma.raw(`LEFT JOIN "Account" a ON a."id" = r."accountId"`)
    : Prisma.empty;
  const head = Prisma.raw(`SELECT '${kind}' AS "kind", r."id" AS "id", ${k.columns}`);
  if (dialect() === "postgresql") {
    const onlyContacts = k.contactsOnly ? Prisma.raw(`AND r."kind" = 'contact'`) : Prisma.empty;
    return Prisma.sql`${head} FROM ${Prisma.raw(`"${k.table}" r`)} ${account} ${join}
      WHERE ${Prisma.raw(tsvectorOf(k, "r"))} @@ to_tsquery('simple', ${tsQuery(words)}) ${onlyContacts} ${where}
      ORDER BY r."id" + 0 DESC LIMIT ${limit}`;
  }
  const fts = Prisma.raw(`"${k.fts}"`);
  // CROSS JOIN: SQLite keeps the FTS5 table as the outer loop whatever its statistics say of the
  // record table (with few rows counted, it would scan "User" and probe the index per row).
  return Prisma.sql`${head} FROM ${fts} CROSS JOIN ${Prisma.raw(`"${k.table}" r`)} ON r."id" = ${fts}.rowid
      ${account} ${join}
      WHERE ${fts} MATCH ${ftsMatch(words)} ${where}
      ORDER BY ${fts}.rowid DESC LIMIT ${limit}`;
}

/** Several kinds' subqueries as one statement: one round trip, one connection per search. */
export const unionAll = (parts: Prisma.Sql[]) =>
  Prisma.join(
    parts.map((p, i) => Prisma.sql`SELECT * FROM (${p}) ${Prisma.raw(`k${i}`)}`),
    " UNION ALL ",
  );
