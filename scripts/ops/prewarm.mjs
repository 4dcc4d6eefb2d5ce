// PERF-1: after a restart, the SQLite file is read once into the operating system's page cache, in
// the background. better-sqlite3 reads on the event loop, so while the file is not in the cache
// every page a request reads from disk holds every other request of that process: at scale 1
// (100,000 cases, a 400 MB file), right after the cache was dropped, the case form's p95 at
// 50 requests/s was 76–178 ms, against 46–56 ms once the file had been read (docs/performance.md,
// twenty-second session). Reading it in order takes ~0.5 s here, on libuv's threads, not the
// event loop. PostgreSQL keeps its own cache (and reads off the app's event loop): nothing to do.
// One read per start, by the primary (or the only process); the workers share the machine's cache.
import { createReadStream, existsSync } from "node:fs";
import os from "node:os";
import { providerOf, sqlitePath } from "../db/providers.mjs";

/**
 * Reads the SQLite database a URL names (and its WAL, if any) to the end, or until `budget`
 * bytes (half the free memory by default: a file larger than that would evict itself). Resolves
 * with the bytes read, or null for another database or a file not there; never rejects.
 * @param {string} url
 * @param {{ budget?: number }} [opts]
 * @returns {Promise<number | null>}
 */
export async function prewarmSqlite(url, { budget = Math.floor(os.freemem() / 2) } = {}) {
  // A URL of no known database: the app's own start says so, more clearly than this could.
  if (!url.startsWith("file:") || providerOf(url) !== "sqlite") return null;
  const file = sqlitePath(url);
  let bytes = 0;
  try {
    for (const part of [file, `${file}-wal`]) {
      if (bytes >= budget || !existsSync(part)) continue;
      const stream = createReadStream(part, { highWaterMark: 1 << 20, end: budget - bytes - 1 });
      for await (const chunk of stream) bytes += /** @type {Buffer} */ (chunk).length;
    }
  } catch {
    // A file that went away or cannot be read: the cache stays as it is, and reads go to disk.
  }
  return existsSync(file) ? bytes : null;
}
