// OPS-1: how many Next.js workers scripts/server.mjs forks — WEB_CONCURRENCY, or one per core. A value
// that is not a whole number stopped nothing before: "auto" made NaN, which was neither more than one
// worker nor one, so the single process never announced itself nor started the inbound SMTP listener.

/**
 * The number of workers: WEB_CONCURRENCY (a whole number from 1 to 256) or `cores`. Anything else
 * is refused with an error naming the variable, before a worker starts.
 * @param {Record<string, string | undefined>} env
 * @param {number} cores
 */
export function workerCount(env, cores) {
  const set = env.WEB_CONCURRENCY?.trim();
  if (!set) return Math.max(1, cores);
  const n = /^\d+$/.test(set) ? Number(set) : NaN;
  if (!(n >= 1 && n <= 256))
    throw new Error(
      `WEB_CONCURRENCY must be a whole number of workers from 1 to 256 (it is "${set}"); ` +
        "leave it unset for one worker per core",
    );
  return n;
}
