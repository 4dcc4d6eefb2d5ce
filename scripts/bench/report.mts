// PERF-5: one table (metric, value, goal, pass), written as JSON and compared with the last run.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { percentile, type LoadResult } from "./http.mts";

export type Row = {
  metric: string;
  value: number;
  unit: string;
  goal: string;
  pass: boolean | null;
  note?: string;
};

export const median = (xs: number[]) => percentile(xs, 50);

/** Run times for a log line: "812, 790, 801". */
export const msList = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");

/** PERF-2: the p95 of single operations against its goal, with the median and the sample size beside it. */
export function p95Row(metric: string, xs: number[], goalMs = 100): Row {
  const p95 = percentile(xs, 95);
  return {
    metric,
    value: p95,
    unit: "ms",
    goal: `≤ ${goalMs} ms`,
    pass: p95 <= goalMs,
    note: `p50 ${median(xs).toFixed(1)} ms, ${xs.length} calls`,
  };
}

/** PERF-3: the median of some runs beside the median of its plain batch-insert baseline (goal ≤ 3 ×). */
export function vsBaseline(metric: string, runs: number[], baseline: number): Row {
  const ratio = median(runs) / baseline;
  return {
    metric,
    value: median(runs),
    unit: "ms",
    goal: "≤ 3 × baseline",
    pass: ratio <= 3,
    note: `${ratio.toFixed(2)} × baseline`,
  };
}

/** PERF-1, PERF-7: a page under an open-loop load against its p95 goal, the full rate and no errors. */
export function loadRow(metric: string, r: LoadResult, goalMs: number, extra?: string): Row {
  const g = r.generatorStallMs;
  return {
    metric,
    value: r.p95,
    unit: "ms",
    goal: `≤ ${goalMs} ms, ≥ 49 rps, 0 errors`,
    pass: r.p95 <= goalMs && r.rate >= 49 && r.errors === 0,
    note:
      `achieved ${r.rate.toFixed(1)} rps, p50 ${r.p50.toFixed(0)} ms, ${r.errors} errors` +
      `; generator stalled p99 ${g.p99.toFixed(0)} ms, max ${g.max.toFixed(0)} ms, heap ${r.generatorHeapMb} MB` +
      (extra ? `; ${extra}` : ""),
  };
}

/** PERF-4: a page's first-load JavaScript (see firstLoadJs) against its goal. */
export function firstLoadRow(
  metric: string,
  js: { scripts: number; kb: number; inlineKb: number; noModuleKb: number },
  goalKb: number,
): Row {
  return {
    metric,
    value: js.kb,
    unit: "KB",
    goal: `≤ ${goalKb} KB`,
    pass: js.kb <= goalKb,
    note:
      `${js.scripts} scripts; inline RSC payload ${js.inlineKb.toFixed(1)} KB gzip; ` +
      `noModule polyfills (not fetched by modern browsers) ${js.noModuleKb.toFixed(1)} KB`,
  };
}

const DIR = path.resolve(import.meta.dirname, "../../bench/results");

export function report(rows: Row[], meta: { database: string } & Record<string, unknown>) {
  mkdirSync(DIR, { recursive: true });
  const latest = path.join(DIR, `latest-${meta.database}.json`);
  const previous = existsSync(latest)
    ? (JSON.parse(readFileSync(latest, "utf8")) as { rows: Row[] }).rows
    : [];
  const fmt = (v: number, unit: string) => `${v >= 100 ? v.toFixed(0) : v.toFixed(v >= 10 ? 1 : 2)} ${unit}`;
  const lines = rows.map((r) => {
    const before = previous.find((p) => p.metric === r.metric);
    const delta = before ? ` (last ${fmt(before.value, before.unit)})` : "";
    return [r.metric, fmt(r.value, r.unit) + delta, r.goal, r.pass === null ? "—" : r.pass ? "pass" : "FAIL"];
  });
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...[["metric", "value", "goal", "pass"], ...lines].map((l) => l[i].length)),
  );
  const line = (l: string[]) => l.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log(
    `\n${line(["metric", "value", "goal", "pass"])}\n${widths.map((w) => "-".repeat(w)).join("  ")}`,
  );
  for (const l of lines) console.log(line(l));
  const out = { ...meta, at: new Date().toISOString(), rows };
  const stamp = out.at.replace(/[:.]/g, "-");
  writeFileSync(path.join(DIR, `${stamp}-${meta.database}.json`), JSON.stringify(out, null, 2));
  writeFileSync(latest, JSON.stringify(out, null, 2));
  console.log(`\nwritten: bench/results/${stamp}-${meta.database}.json`);
}
