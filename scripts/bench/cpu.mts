// CPU time of the app's server processes, read from /proc (Linux): the bench's "CPU ms per request"
// (PERF-8) and the live timeline's cost. Only the app processes count — the database's own CPU does not.
import { readFileSync, readdirSync } from "node:fs";

const TICK_MS = 1000 / Number(process.env.CLK_TCK ?? 100); // Linux USER_HZ

/** CPU time (ms) used so far by a process and its children (the server's cluster workers). */
export function cpuMs(pid: number): number {
  // A process or thread may end while it is being read: each read stands alone.
  const read = (file: string) => {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return "";
    }
  };
  const tasks = (p: number) => {
    try {
      return readdirSync(`/proc/${p}/task`);
    } catch {
      return [];
    }
  };
  let ms = 0;
  const visit = (p: number) => {
    const stat = read(`/proc/${p}/stat`);
    if (!stat) return;
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ms += (Number(f[11]) + Number(f[12])) * TICK_MS; // utime + stime of the whole process
    for (const t of tasks(p))
      for (const c of read(`/proc/${p}/task/${t}/children`).split(" ").filter(Boolean)) visit(Number(c));
  };
  visit(pid);
  return ms;
}

/** CPU ms per second the server uses while nobody calls it (a quiet window of `ms`). */
export async function idleCpuPerSecond(pid: number, ms = 5_000): Promise<number> {
  const start = cpuMs(pid);
  await new Promise((r) => setTimeout(r, ms));
  return (cpuMs(pid) - start) / (ms / 1000);
}
