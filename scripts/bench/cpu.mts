// CPU time read from /proc (Linux): the app's server processes' (the bench's "CPU ms per request",
// PERF-8, and the live timeline's cost) and, apart, the database's (cpuMsByName).
import { readFileSync, readdirSync } from "node:fs";

const TICK_MS = 1000 / Number(process.env.CLK_TCK ?? 100); // Linux USER_HZ

/** The fields of a /proc/<pid>/stat line after the command name (f[11] is utime). */
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(")") + 2).split(" ");

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
    const f = statFields(stat);
    ms += (Number(f[11]) + Number(f[12])) * TICK_MS; // utime + stime of the whole process
    for (const t of tasks(p))
      for (const c of read(`/proc/${p}/task/${t}/children`).split(" ").filter(Boolean)) visit(Number(c));
  };
  visit(pid);
  return ms;
}

/**
 * CPU time (ms) used so far by every process named `comm` (e.g. "postgres": the database server and
 * its backends, with those that have ended), for the database's share of PERF-8's two cores. 0
 * where there is none (SQLite runs inside the app's processes).
 */
export function cpuMsByName(comm: string): number {
  let ms = 0;
  for (const p of readdirSync("/proc")) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) !== comm) continue;
      const f = statFields(stat);
      // utime + stime, and cutime + cstime: a backend that has ended counts in its parent's.
      ms += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * TICK_MS;
    } catch {
      // the process ended while it was read
    }
  }
  return ms;
}

/** CPU ms per second the server uses while nobody calls it (a quiet window of `ms`). */
export async function idleCpuPerSecond(pid: number, ms = 5_000): Promise<number> {
  const start = cpuMs(pid);
  await new Promise((r) => setTimeout(r, ms));
  return (cpuMs(pid) - start) / (ms / 1000);
}
