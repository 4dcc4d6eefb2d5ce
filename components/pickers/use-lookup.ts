"use client";
export type LookupOption = { id: number; label: string; detail?: string };

/** Fetches options from /api/lookup/<kind> (permission-checked on the server). */
export async function fetchLookup(kind: string, params: Record<string, string | number | undefined>, signal?: AbortSignal): Promise<LookupOption[]> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") qs.set(k, String(v));
  const res = await fetch(`/api/lookup/${kind}?${qs}`, { signal, headers: { accept: "application/json" } });
  if (!res.ok) return [];
  const body = (await res.json()) as { result?: LookupOption[] };
  return body.result ?? [];
}
