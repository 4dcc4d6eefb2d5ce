// PERF-1: after a restart, the SQLite file is read once into the operating system's page cache, in
// the background. better-sqlite3 reads on the event loop, so while the file is not in the cache
// every page a request reads from disk holds every other request of that process: at scale 1
// (100,000 cases, a 400 MB file), right after the cache was dropped, the case form's p95 at
// 50 requests/s was 35–178 ms (median ~75 over six runs), against 35–60 ms once it had been read
// (docs/performance.md, twenty-second session). Reading it in order takes ~0.5 s here, on libuv's
// threads, not the event loop. PostgreSQL keeps its own cache (and reads off the app's event
// loop): nothing to do.
// One read per start, by the primary (or the only process); the workers share the machine's cache.
// CASEFLOW_PREWARM_BYTES caps it (0: off), e.g. for a file of many GB on a slow disk.
import { existsSync } from "node:fs";
import { open } from "node:fs/promises";
import os from "node:os";
import { sqlitePath } from "../db/providers.mjs";

const CHUNK = 1 << 20;

/**
 * The cap from CASEFLOW_PREWARM_BYTES when it is a whole number, else half the free memory (a file
 * larger than that would push itself out of the cache).
 * @param {Record<string, string | undefined>} [env]
 */
export function prewarmBudget(env = process.env) {
  const set = env.CASEFLOW_PREWARM_BYTES?.trim();
  return set && /^\d+$/.test(set) ? Number(set) : Math.floor(os.freemem() / 2);
}

/**
 * Reads the SQLite database a URL names to the end, its WAL first (the newest pages), until
 * `budget` bytes. Resolves with the bytes read, or null for another database or a file not there;
 * never rejects (a read that fails leaves the cache as it is, and reads go to disk).
 * @param {string} url
 * @param {{ budget?: number }} [opts]
 * @returns {Promise<number | null>}
 */
export async function prewarmSqlite(url, { budget = prewarmBudget() } = {}) {
  // SQLite's URLs are file: ones (db/providers.mjs). Any other, of PostgreSQL or of no known
  // database, is not this one's to read: the app's own start says what is wrong with it.
  if (!url.startsWith("file:")) return null;
  const file = sqlitePath(url);
  if (!existsSync(file)) return null;
  // One buffer for every read: the pages go to the OS's cache, not to this process's heap.
  const buffer = Buffer.allocUnsafe(CHUNK);
  let bytes = 0;
  for (const part of [`${file}-wal`, file]) {
    if (bytes >= budget || !existsSync(part)) continue;
    try {
      const handle = await open(part, "r");
      try {
        for (let n = CHUNK; n > 0 && bytes < budget; bytes += n)
          ({ bytesRead: n } = await handle.read(buffer, 0, Math.min(CHUNK, budget - bytes), null));
      } finally {
        await handle.close();
      }
    } catch {
      // Gone or unreadable (a directory, no permission): the other part may still be read.
    }
  }
  return bytes;
}
