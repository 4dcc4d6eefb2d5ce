import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

// OPS-1: the one job runner. Every background job of a node — outbox delivery, case auto-close,
// SLA breaches — is registered here and ticks here; the work itself is claimed in the database,
// so any number of nodes (and WEB_CONCURRENCY workers in each) share one database safely:
// - queue items (outbox messages) are claimed in batches by claimBatch()
//   (lib/server/tables/queue-claims.ts): one `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP
//   LOCKED) RETURNING` on PostgreSQL (two runners never wait on each other nor take the same
//   row), the same conditional UPDATE … RETURNING on SQLite (one writer at a time). A claim
//   records lockedBy/lockedUntil: a node that died holding it loses it when lockedUntil passes,
//   and the next runner takes the item over;
// - periodic jobs over sets (auto-close, SLA) hold a JobLease row (lease.ts) and mark each row
//   by a conditional update, so overlapping runs still do each row once.
// Why not pg-boss or graphile-worker: both are PostgreSQL-only (the app also runs on SQLite, its
// default), the versions that run on this Node (20) are old majors, and each brings its own
// schema, migrations and polling loop beside ours; the jobs here need ~100 lines of claims.
// Inbound email has no queue: each message is processed in the request that delivers it.
// CASEFLOW_JOB_TIME_SCALE (0 < s ≤ 1) shortens every tick and lease, for tests (test:cluster).

const holder = globalThis as unknown as { __caseflowJobs?: Runner };

export const jobTimeScale = () => {
  const s = Number(process.env.CASEFLOW_JOB_TIME_SCALE);
  return s > 0 && s <= 1 ? s : 1;
};
/** `ms` under the time scale, never below `min`. */
export const scaled = (ms: number, min = 0) => Math.max(min, Math.round(ms * jobTimeScale()));

/** This process's name on its claims and leases. */
export const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** A job's run; it answers SKIPPED when another node held the job (its lease), so metrics tell apart. */
export type Job = { name: string; everyMs: number; firstInMs?: number; run: () => Promise<unknown> };
export const SKIPPED = "skipped";
type Stats = { ok: number; failed: number; skipped: number; lastMs: number };

class Runner {
  private timers: NodeJS.Timeout[] = [];
  private jobs = new Map<string, Job>();
  private running = new Map<string, Promise<void>>();
  private again = new Set<string>();
  stopping = false;
  readonly stats = new Map<string, Stats>();
  /** Backlogs the jobs report after their runs (outbox pending), for /api/metrics. */
  readonly backlog = new Map<string, number>();

  add(job: Job) {
    this.jobs.set(job.name, job);
    const first = setTimeout(() => this.trigger(job.name), job.firstInMs ?? 0);
    this.timers.push(first.unref(), setInterval(() => this.trigger(job.name), job.everyMs).unref());
  }

  has(name: string) {
    return this.jobs.has(name);
  }

  /** Runs the job now, or once more right after the run in progress (never two at once here). */
  trigger(name: string) {
    const job = this.jobs.get(name);
    if (!job || this.stopping) return;
    if (this.running.has(name)) return void this.again.add(name);
    const started = Date.now();
    const stats = this.stats.get(name) ?? { ok: 0, failed: 0, skipped: 0, lastMs: 0 };
    this.stats.set(name, stats);
    const run = job
      .run()
      .then(
        (outcome) => void (outcome === SKIPPED ? stats.skipped++ : stats.ok++),
        (e) => {
          stats.failed++;
          console.error(`[caseflow] job ${name} failed:`, e);
        },
      )
      .finally(() => {
        stats.lastMs = Date.now() - started;
        this.running.delete(name);
        if (this.again.delete(name)) this.trigger(name);
      });
    this.running.set(name, run);
  }

  /**
   * OPS-2: no new runs; resolves true when the runs in progress have ended, false when one was
   * still going after `timeoutMs` (the drain then reports it: the process did not stop clean).
   */
  async stop(timeoutMs = 10_000): Promise<boolean> {
    this.stopping = true;
    for (const t of this.timers) clearTimeout(t);
    const ended = Promise.allSettled([...this.running.values()]).then(() => true);
    return Promise.race([ended, new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs).unref())]);
  }
}

/** This process's runner (one per process, also across the server's bundles). */
export function runner(): Runner {
  return (holder.__caseflowJobs ??= new Runner());
}

/** The runner if this process has started one (the server), else null (tests, scripts). */
export const startedRunner = (): Runner | null => holder.__caseflowJobs ?? null;
