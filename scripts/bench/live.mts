// The live timeline's cost (issue 8 §3): 40 open case pages, each polling
// GET /api/journal/sn_customerservice_case/<number> every 3 s with its ETag, as the browser does,
// while other agents add a comment now and then. Measures the poll's latency, the share of 304s,
// the server's CPU time for them, and the case list's p95 under the PERF-1 load with and without
// the pollers.
import http from "node:http";
import { db } from "@/lib/db";
import { OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { loadActor } from "@/lib/server/auth/load-actor";
import { postCaseJournal } from "@/lib/server/cases/journal";
import { BENCH_AGENT } from "./dataset.mts";
import { cpuMs, idleCpuPerSecond } from "./cpu.mts";
import { CASE_LIST_PATHS, load, percentile } from "./http.mts";
import type { Row } from "./report.mts";

const PAGES = 40;
// As components/journal/use-live-journal.ts polls (POLL_MS, WINDOW_ENTRIES).
const POLL_MS = 3_000;
const WINDOW_ENTRIES = 50;
type Poll = { status: number; ms: number };

function poll(agent: http.Agent, url: URL, cookie: string, etag: string | null) {
  return new Promise<{ status: number; etag: string | null; body: string }>((resolve, reject) => {
    const headers: Record<string, string> = { cookie, accept: "application/json" };
    if (etag) headers["if-none-match"] = etag;
    const req = http.get(url, { agent, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, etag: (res.headers.etag as string) ?? etag, body }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

const entriesOf = (body: string) => (JSON.parse(body) as { entries: { createdAt: string }[] }).entries;
const newestOf = (entries: { createdAt: string }[]) =>
  entries[0] ? encodeURIComponent(entries[0].createdAt) : null;

/**
 * One open page, as the browser polls: it knows the newest entry the server rendered, polls
 * first without a tag, then every POLL_MS with the last tag; the window start moves to the
 * newest entry only once the window holds WINDOW_ENTRIES entries.
 */
async function page(base: string, cookie: string, number: string, until: number, delay: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const polls: Poll[] = [];
  const journal = `${base}/api/journal/${TABLE.case}/${number}`;
  let after = newestOf(entriesOf((await poll(agent, new URL(journal), cookie, null)).body)); // the render
  let etag: string | null = null;
  await new Promise((r) => setTimeout(r, delay));
  for (let next = performance.now(); next < until; next += POLL_MS) {
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const url = new URL(`${journal}${after ? `?after=${after}` : ""}`);
    const t = performance.now();
    try {
      const r = await poll(agent, url, cookie, etag);
      polls.push({ status: r.status, ms: performance.now() - t });
      if (r.status === 200) {
        etag = r.etag;
        const entries = entriesOf(r.body);
        const moved = !after || entries.length >= WINDOW_ENTRIES ? newestOf(entries) : after;
        if (moved !== after) [after, etag] = [moved, null];
      }
    } catch {
      polls.push({ status: 0, ms: performance.now() - t });
    }
  }
  agent.destroy();
  return polls;
}

/** PAGES pollers for `seconds`, while a comment lands on one of their cases every 2 s. */
async function pollers(base: string, cookie: string, numbers: string[], seconds: number) {
  const user = await db().user.findUniqueOrThrow({ where: { email: BENCH_AGENT } });
  const actor = (await loadActor(user.id))!;
  const until = performance.now() + seconds * 1000;
  let written = 0;
  const writer = (async () => {
    while (performance.now() + 2_000 < until) {
      await new Promise((r) => setTimeout(r, 2_000));
      await postCaseJournal(actor, numbers[written % numbers.length], { comments: `Bench news ${written}` });
      written++;
    }
  })();
  const all = await Promise.all(
    numbers.map((n, i) => page(base, cookie, n, until, (i * POLL_MS) / numbers.length)),
  );
  await writer;
  return { polls: all.flat(), written };
}

export async function liveMetrics(
  base: string,
  cookie: string,
  serverPid: number,
  caseCount: number,
  seconds: number,
  log: (m: string) => void,
): Promise<Row[]> {
  // Pages of open cases spread over the table (a Closed or Cancelled case takes no comment).
  const candidates = Array.from(
    { length: PAGES * 4 },
    (_, i) => `CS${String(5_000_000 + ((i * 104_729 + 17) % caseCount)).padStart(7, "0")}`,
  );
  const open = await db().case.findMany({
    where: { number: { in: candidates }, state: { in: OPEN_CASE_STATES } },
    select: { number: true },
  });
  const numbers = candidates.filter((n) => open.some((o) => o.number === n)).slice(0, PAGES);
  if (numbers.length < PAGES) throw new Error(`only ${numbers.length} open cases among the candidates`);
  await pollers(base, cookie, numbers, 6); // warm up the route
  // The server's own background CPU (timers, GC, a scheduled job's tick) is measured in a quiet
  // window before and after the polls; the smaller of the two is subtracted, so a job that
  // happened to tick in one window does not make the polls look free.
  const before = await idleCpuPerSecond(serverPid);
  const cpu0 = cpuMs(serverPid);
  const t0 = performance.now();
  const { polls, written } = await pollers(base, cookie, numbers, 30);
  const elapsed = (performance.now() - t0) / 1000;
  const pollCpu = cpuMs(serverPid) - cpu0;
  const idlePerSecond = Math.min(before, await idleCpuPerSecond(serverPid));
  const cpu = Math.max(0, pollCpu - idlePerSecond * elapsed);
  const ok = polls.filter((p) => p.status === 200 || p.status === 304);
  const notModified = polls.filter((p) => p.status === 304).length;
  const p50 = percentile(
    ok.map((p) => p.ms),
    50,
  );
  const p95 = percentile(
    ok.map((p) => p.ms),
    95,
  );
  const rate = polls.length / elapsed;
  log(
    `live polls: ${polls.length} in ${elapsed.toFixed(0)} s, ${written} comments written, ` +
      `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ${notModified} × 304, ` +
      `server CPU ${cpu.toFixed(0)} ms (idle ${idlePerSecond.toFixed(1)} ms/s subtracted)`,
  );

  // The case list under the PERF-1 load, alone and with the 40 pollers running (after a warm-up).
  await load(base, cookie, CASE_LIST_PATHS, 25, 5);
  const [listCpu0, listT0] = [cpuMs(serverPid), performance.now()];
  const alone = await load(base, cookie, CASE_LIST_PATHS, 50, seconds);
  // Server CPU per case list request: what the pollers cost, counted in case list requests.
  const listSeconds = (performance.now() - listT0) / 1000;
  const listCpu =
    Math.max(0, cpuMs(serverPid) - listCpu0 - idlePerSecond * listSeconds) / Math.round(50 * seconds);
  const [withPollers] = await Promise.all([
    load(base, cookie, CASE_LIST_PATHS, 50, seconds),
    pollers(base, cookie, numbers, seconds),
  ]);
  log(`case list alone: ${JSON.stringify(alone)}; with pollers: ${JSON.stringify(withPollers)}`);

  return [
    {
      metric: "Live poll p95 (40 case pages / 3 s)",
      value: p95,
      unit: "ms",
      goal: "measured (no SPEC goal)",
      pass: null,
      note: `p50 ${p50.toFixed(1)} ms, ${rate.toFixed(1)} polls/s, ${polls.length - ok.length} errors`,
    },
    {
      metric: "Live poll answered 304 (nothing new)",
      value: (100 * notModified) / Math.max(1, polls.length),
      unit: "%",
      goal: "measured",
      pass: null,
      note:
        `${notModified} of ${polls.length}; ${written} comments arrived; ` +
        "200s: each page's first poll and one per news",
    },
    {
      metric: "Live poll server CPU",
      value: cpu / polls.length,
      unit: "ms/poll",
      goal: "measured",
      pass: null,
      note:
        `${((100 * cpu) / (elapsed * 1000)).toFixed(1)} % of one core for 40 pages (app processes only); ` +
        `a case list request takes ${listCpu.toFixed(1)} ms, ` +
        `so 40 pages ≈ ${(cpu / elapsed / listCpu).toFixed(1)} list requests/s`,
    },
    {
      metric: "PERF-1 case list p95 @50 rps with 40 pollers",
      value: withPollers.p95,
      unit: "ms",
      goal: "≤ 150 ms, ≥ 49 rps, 0 errors",
      pass: withPollers.p95 <= 150 && withPollers.rate >= 49 && withPollers.errors === 0,
      note:
        `without pollers p95 ${alone.p95.toFixed(0)} ms; ` +
        `with: ${withPollers.rate.toFixed(1)} rps, ${withPollers.errors} errors`,
    },
  ];
}
