// Sums a V8 .cpuprofile by self time: per area (which package or part of the app the function's
// file belongs to) and per function. Hand-written: the format is three arrays (nodes, samples,
// timeDeltas) and no maintained library prints this table.
type Frame = { functionName: string; url: string; lineNumber: number };
type Node = { id: number; callFrame: Frame; children?: number[] };
export type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number };

const AREAS: [RegExp, string][] = [
  [/react-dom|react-server-dom|react\.|\/react\//, "React (render, RSC)"],
  [/next\/dist\/compiled\/next-server|next\/dist\/server|next\/dist\/compiled/, "Next runtime"],
  [/@prisma|\/lib\/generated\/|query_compiler|\.wasm/, "Prisma"],
  [/\/pg\/|pg-protocol|pg-pool|pg-types|better-sqlite3|libsql/, "database driver"],
  [/next-auth|@auth\/|jose/, "auth (next-auth, jose)"],
  [/\/zod\//, "zod"],
  [/\.next\/server\/chunks/, "Caseflow + bundled libs"],
  [/^node:|^internal\//, "Node core"],
];

function areaOf(f: Frame): string {
  if (f.functionName === "(garbage collector)") return "GC";
  if (f.functionName === "(program)" || f.functionName === "(idle)") return f.functionName;
  if (!f.url) return "native / builtins";
  return AREAS.find(([re]) => re.test(f.url))?.[1] ?? "other";
}

/** `fromUs`: count only the samples taken from then on (the profile's clock, µs). */
export function summarize(p: Profile, top: number, fromUs = -Infinity) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = p.startTime;
  p.samples.forEach((id, i) => {
    at += p.timeDeltas[i] ?? 0;
    if (at >= fromUs) self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const area = areaOf(f);
    if (area === "(idle)") continue;
    total += us;
    areas.set(area, (areas.get(area) ?? 0) + us);
    const where = f.url ? `${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}` : "";
    const key = `${f.functionName || "(anonymous)"} ${where}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
  console.log(`\nbusy ${(total / 1000).toFixed(0)} ms; self time by area:`);
  for (const [a, us] of [...areas].sort((x, y) => y[1] - x[1])) console.log(`  ${pct(us)}  ${a}`);
  console.log(`\ntop ${top} functions by self time:`);
  for (const [f, us] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${pct(us)}  ${f}`);
}
