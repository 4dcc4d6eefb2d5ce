// PERF-9 / WRK-5: the header's global search — GET /api/search?q= as the user types — under 50
// requests/s, signed in as the bench agent (every internal role: all eight kinds are searched), with
// record numbers whole and typed so far, common and rare words, two-letter prefixes and several
// words. Before the load, the plan of every kind's query on the bench data is read (EXPLAIN): each
// reads the text index (FTS5 / GIN), never scans the table (WRK-5).
import { db, dialect } from "@/lib/db";
import { formatNumber } from "@/lib/domain/records/numbering";
import { SEARCH_HITS_PER_KIND, SEARCH_KINDS } from "@/lib/domain/search/kinds";
import { searchWords } from "@/lib/domain/search/query";
import { KIND_INDEX, kindQuery } from "@/lib/server/search/sql";
import { load } from "./http.mts";
import { loadRow, type Row } from "./report.mts";

/** What agents type: numbers (whole, partial), words of the data set's descriptions, account names. */
export function searchPaths(cases: number, incidents: number): string[] {
  const caseNo = (i: number) => formatNumber("case", 5_000_000 + (i % cases));
  const incidentNo = (i: number) => formatNumber("incident", 5_000_000 + (i % incidents));
  const typed = [
    caseNo(4_321),
    caseNo(77_777),
    incidentNo(12_345),
    caseNo(55_555).slice(0, -2), // a number as typed so far
    incidentNo(31_000).slice(0, -3),
    "vpn", // one word in a twelfth of all cases and incidents
    "printer fails",
    "email times out site 42",
    "pa", // two letters: payroll, portal…
    "lap",
    "account 0042",
    "backup is missing",
    "nothing matches this",
    `50% off_"sale"`,
  ];
  return typed.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
}

/** Below this many rows a table scan is the planners' right choice (the data set leaves some tables near empty). */
const AT_SCALE = 1_000;

/**
 * WRK-5 on the bench data: the plan (EXPLAIN) of each kind's query for a common prefix. Every table of
 * AT_SCALE rows or more must be read through its text index — SQLite: the FTS5 table as the outer
 * loop, each record by its id; PostgreSQL: the GIN index — and a table scan fails the row. Run before
 * the server starts.
 */
export async function searchPlanRow(log: (m: string) => void): Promise<Row> {
  // SQLite keeps the statistics of the data set's generation (one user) until analysed again; the
  // import part adds 10,000 contacts. PostgreSQL's run analyses everything before the page loads.
  if (dialect() !== "postgresql")
    for (const table of new Set(Object.values(KIND_INDEX).map((k) => k.table)))
      await db().$executeRawUnsafe(`ANALYZE "${table}"`);
  const words = searchWords("printer fa");
  const scans: string[] = [];
  const checked: string[] = [];
  for (const kind of SEARCH_KINDS) {
    const q = kindQuery(kind, words, SEARCH_HITS_PER_KIND);
    const pg = dialect() === "postgresql";
    const plan = pg
      ? (await db().$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${q.text}`, ...q.values)).map(
          (r) => r["QUERY PLAN"],
        )
      : (await db().$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${q.sql}`, ...q.values)).map(
          (r) => r.detail,
        );
    const text = plan.join("\n");
    const [{ n }] = await db().$queryRawUnsafe<{ n: unknown }[]>(
      `SELECT COUNT(*) AS "n" FROM "${KIND_INDEX[kind].table}"`,
    );
    const indexed = pg
      ? /_search_idx/.test(text) && !/Seq Scan/.test(text)
      : /^SCAN \w+Search VIRTUAL TABLE INDEX \d+:M/.test(text) && !/SCAN r\b/.test(text);
    log(
      `search plan ${kind} (${Number(n)} rows): ${indexed ? "text index" : "scan"}\n  ${plan.join("\n  ")}`,
    );
    if (Number(n) >= AT_SCALE) {
      checked.push(kind);
      if (!indexed) scans.push(kind);
    }
  }
  return {
    metric: "WRK-5 search: each kind's query reads the text index",
    value: checked.length - scans.length,
    unit: "kinds",
    goal: `all ${checked.length} checked, no table scan`,
    pass: scans.length === 0,
    note: (scans.length ? `scans: ${scans.join(", ")}; ` : "") + `checked: ${checked.join(", ")}`,
  };
}

/** PERF-9's search figure on a running production server. */
export async function searchMetrics(
  base: string,
  cookie: string,
  sizes: { cases: number; incidents: number },
  seconds: number,
  log: (m: string) => void,
): Promise<Row[]> {
  const paths = searchPaths(sizes.cases, sizes.incidents);
  await load(base, cookie, paths, 25, 8); // warm up (JIT, caches)
  const r = await load(base, cookie, paths, 50, seconds);
  log(`search: ${JSON.stringify(r)}`);
  return [loadRow("PERF-9 global search p95 @50 rps", r, 100, `${paths.length} queries`)];
}
