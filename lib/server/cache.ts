import "server-only";

// A tiny per-process cache for reference data that changes rarely: the option lists of the
// forms' selects (lib/server/lookup/choices.ts — accounts, assignable users, contacts, assets,
// standard change templates). An entry lives `ttlMs` at most, in each process alike. User
// administration (ADM-3) writes users while the app serves: it forgets the user lists of this
// process at once (forgetCached); another process sees the change when its entry expires.
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

/** Drops every entry whose key starts with `prefix` (a write that must be seen at once). */
export function forgetCached(prefix: string): void {
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}
