import "server-only";

// A tiny per-process cache for reference data that changes rarely: the option lists of the
// forms' selects (lib/server/lookup/choices.ts — accounts, assignable users, contacts, assets,
// standard change templates). An entry lives `ttlMs` at most, in each process alike; nothing
// clears it sooner, because nothing in the app writes those records while it serves (the demo
// seed runs before). A feature that starts writing them (user and account administration,
// ADM-3) and wants the change seen at once adds an invalidation here and calls it from its service.
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
