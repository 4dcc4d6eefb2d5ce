// Links that carry a list page's filters: one helper for every list page and the lookup fetch.

export type QueryValue = string | number | null | undefined;
export type SearchParams = Record<string, string | string[] | undefined>;

/** `path?query`, leaving out empty values (just `path` when none is left). */
export function hrefWith(path: string, params: Record<string, QueryValue>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
  const query = qs.toString();
  return query ? `${path}?${query}` : path;
}

/** A page's searchParams with one value per key (the first of a repeated one). */
export function firstValues(params: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
