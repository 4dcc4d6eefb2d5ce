import "server-only";

// A tiny per-process cache for reference data that changes rarely (option lists for selects).
// Entries live `ttlMs` at most; writers call invalidate() for immediate effect in this process.
type Entry = { until: number; value: Promise<unknown> };
const entries = new Map<string, Entry>();

export function cached<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.value as Promise<T>;
  const value = load().catch((e) => {
    entries.delete(key);
    throw e;
  });
  entries.set(key, { until: now + ttlMs, value });
  return value;
}

export function invalidate(prefix: string) {
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}
