"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { HttpError } from "@/components/providers/query-provider";
import { hrefWith } from "@/lib/query-string";

export type LookupOption = { id: number; label: string; detail?: string };
export type LookupParams = Record<string, string | number | undefined>;

/** Fetches options from /api/lookup/<kind> (permission-checked on the server). */
export async function fetchLookup(
  kind: string,
  params: LookupParams,
  signal?: AbortSignal,
): Promise<LookupOption[]> {
  const res = await fetch(hrefWith(`/api/lookup/${encodeURIComponent(kind)}`, params), {
    signal,
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new HttpError(res.status, `Lookup failed (${res.status}).`);
  const body = (await res.json()) as { result?: LookupOption[] };
  return body.result ?? [];
}

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/**
 * A picker's search as a query: debounced (150 ms), cached per kind, parameters and text (30 s),
 * and cancelled when superseded — React Query aborts the request of a key nobody watches any more.
 * While the next answer loads, the previous options stay on screen.
 */
export function useLookup(kind: string, params: LookupParams, q: string, enabled = true) {
  const text = useDebounced(q, 150);
  return useQuery({
    queryKey: ["lookup", kind, params, text],
    queryFn: ({ signal }) => fetchLookup(kind, { ...params, q: text }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
