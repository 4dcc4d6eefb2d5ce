// PERF-6 Table API: a filtered list of 100 incidents with display values and single-record GETs by
// sys_id, each under 50 requests/s, and sequential incident POSTs — with a bearer token of an itil
// user, as an integration calls it. The user and its token are made here (idempotent user, new token).
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { createApiToken } from "@/lib/server/auth/api-token";
import { hashPassword } from "@/lib/server/auth/credentials";
import { BENCH_PASSWORD } from "./dataset.mts";
import { load, percentile } from "./http.mts";
import { loadRow, p95Row, type Row } from "./report.mts";

export const BENCH_ITIL = "bench.itil@example.com";
const TABLE = "/api/now/table/incident";

/**
 * PERF-6's list requests: the SPEC's filtered list (state, newest first) and more filters an
 * integration polls with — on indexed columns. A substring filter (short_descriptionLIKEVPN) scans
 * every incident for its X-Total-Count and is not in this mix: at 50,000 incidents it costs ~60 ms
 * of database time per request on either database (docs/rules/performance.md, PERF-6).
 */
export const API_LIST_PATHS = [
  ["state=2^ORDERBYDESCsys_updated_on", ""],
  ["state=1^priority=1", ""],
  ["stateIN3,6^ORDERBYnumber", ""],
  ["state=6^ORDERBYDESCsys_updated_on", "&sysparm_offset=500"],
  ["state=2^ORDERBYDESCsys_updated_on", "&sysparm_offset=2000"],
].map(
  ([q, more]) =>
    `${TABLE}?sysparm_limit=100&sysparm_display_value=true&sysparm_query=${encodeURIComponent(q)}${more}`,
);

/** An itil-only user and a new bearer token for it. */
export async function prepareApi(): Promise<string> {
  const user = await db().user.upsert({
    where: { email: BENCH_ITIL },
    update: { active: true },
    create: { email: BENCH_ITIL, name: "Bench ITIL", passwordHash: await hashPassword(BENCH_PASSWORD) },
  });
  await db().userRole.upsert({
    where: { userId_role: { userId: user.id, role: ROLE.itil } },
    create: { userId: user.id, role: ROLE.itil },
    update: {},
  });
  return (await createApiToken(BENCH_ITIL, "bench")).token;
}

async function call(base: string, path: string, headers: Record<string, string>, init?: RequestInit) {
  const res = await fetch(base + path, { ...init, headers: { ...headers, ...init?.headers } });
  const body = (await res.json()) as { result: unknown };
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body.result;
}

/** 200 incidents' sys_ids spread over the table (pages of the default order), for the single GETs. */
async function sysIds(base: string, headers: Record<string, string>): Promise<string[]> {
  const total = Number(
    (await fetch(`${base}${TABLE}?sysparm_limit=1`, { headers })).headers.get("x-total-count"),
  );
  const ids: string[] = [];
  for (let page = 0; page < 10; page++) {
    const offset = Math.floor((page * total) / 10);
    const rows = (await call(
      base,
      `${TABLE}?sysparm_fields=sys_id&sysparm_limit=20&sysparm_offset=${offset}`,
      headers,
    )) as {
      sys_id: string;
    }[];
    ids.push(...rows.map((r) => r.sys_id));
  }
  return ids;
}

/** PERF-6 on a running production server. */
export async function tableApiMetrics(
  base: string,
  token: string,
  seconds: number,
  log: (m: string) => void,
) {
  const headers = { authorization: `Bearer ${token}`, accept: "application/json" };
  const recordPaths = (await sysIds(base, headers)).map((id) => `${TABLE}/${id}?sysparm_display_value=true`);
  await load(base, headers, [...API_LIST_PATHS, ...recordPaths.slice(0, 40)], 25, 8); // warm up (JIT, caches)
  const list = await load(base, headers, API_LIST_PATHS, 50, seconds);
  log(`api list: ${JSON.stringify(list)}`);
  const record = await load(base, headers, recordPaths, 50, seconds);
  log(`api record: ${JSON.stringify(record)}`);
  const posts: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await call(base, TABLE, headers, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ short_description: `Bench API incident ${i}`, impact: "2", urgency: "2" }),
    });
    posts.push(performance.now() - t);
  }
  log(`api POST: p50 ${percentile(posts, 50).toFixed(1)} ms, p95 ${percentile(posts, 95).toFixed(1)} ms`);
  const rows: Row[] = [
    loadRow("PERF-6 Table API list (100, filtered, display values) p95", list, 100),
    loadRow("PERF-6 Table API record GET p95", record, 100, `${recordPaths.length} records`),
    p95Row("PERF-6 Table API incident POST p95", posts),
  ];
  return rows;
}
