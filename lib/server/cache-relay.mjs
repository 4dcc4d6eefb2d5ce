// The per-process caches of lib/server/cache.ts across the workers of one node. When a write
// forgets an entry (an admin creates a group, ADM-3 changes a user), the other workers must forget
// it too: otherwise the next page, served by another worker, shows the old list for up to the
// entry's TTL — an agent would not find the group an admin just made. Node's cluster IPC carries
// the prefix: the worker tells the primary (scripts/server.mjs), the primary tells every other
// worker. Plain JavaScript so that scripts/server.mjs imports it as it is.
// Other nodes on the same database see the change when their entry expires (10 s at most).
import cluster from "node:cluster";

export const FORGET = "caseflow:cache-forget";

/**
 * The prefix a "forget" message carries, or null for any other message on the channel.
 * @param {unknown} msg
 */
const prefixOf = (msg) =>
  msg && typeof msg === "object" && FORGET in msg && typeof msg[FORGET] === "string" ? msg[FORGET] : null;

/**
 * In the primary: each worker's "forget" goes to every other live worker.
 * @param {import("node:cluster").Cluster} [c]
 */
export function relayForgets(c = cluster) {
  c.on("message", (from, msg) => {
    if (prefixOf(msg) === null) return;
    for (const w of Object.values(c.workers ?? {}))
      if (w && w !== from && w.isConnected()) w.send({ [FORGET]: prefixOf(msg) });
  });
}

/**
 * In a worker: tell the other workers (through the primary) to forget `prefix`.
 * @param {string} prefix
 */
export function announceForget(prefix) {
  if (cluster.isWorker && typeof process.send === "function") process.send({ [FORGET]: prefix });
}

/**
 * In a worker: `forget(prefix)` runs for each other worker's announcement.
 * @param {(prefix: string) => void} forget
 */
export function onForget(forget) {
  if (!cluster.isWorker) return;
  process.on("message", (msg) => {
    const prefix = prefixOf(msg);
    if (prefix !== null) forget(prefix);
  });
}
