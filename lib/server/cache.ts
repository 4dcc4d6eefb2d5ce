import "server-only";
import { announceForget, onForget } from "./cache-relay.mjs";

// A tiny per-process cache for reference data that changes rarely: the option lists of the
// forms' selects (lib/server/lookup/choices.ts — accounts, assignable users, contacts, assets,
// standard change templates; lib/server/assignment/read.ts — assignment groups). An entry lives
// `ttlMs` at most. A write that must be seen at once (ADM-3 user administration, WRK-1 groups)
// calls forgetCached after it commits (inside a transaction, through afterCommit in lib/db.ts): this
// process forgets at once, the other workers of this node as soon as the primary has passed the
// message on (lib/server/cache-relay.mjs; a request already queued on another worker may still see
// the old list), and another node sees the change when its entry expires.
type Entry = { until: number; value: Promise<unknown> };
const entries = new Map<string, Entry>();

export function cached<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.value as Promise<T>;
  const entry: Entry = { until: now + ttlMs, value: Promise.resolve() };
  const value = load().catch((e) => {
    // A failed load is not kept — but only this load's entry goes, not a newer one.
    if (entries.get(key) === entry) entries.delete(key);
    throw e;
  });
  entry.value = value;
  entries.set(key, entry);
  return value;
}

function forgetHere(prefix: string): void {
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}
onForget(forgetHere);

/** Drops every entry whose key starts with `prefix`, in every worker of this node. */
export function forgetCached(prefix: string): void {
  forgetHere(prefix);
  announceForget(prefix);
}
