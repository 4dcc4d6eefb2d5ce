"use client";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useDebounced } from "@/components/pickers/use-lookup";
import { HttpError } from "@/components/providers/query-provider";
import type { SearchAnswer } from "@/lib/domain/search/results";

/** Fewer characters than this search nothing (the server drops one-letter words anyway). */
export const MIN_SEARCH = 2;

const searchable = (text: string) => text.trim().length >= MIN_SEARCH;

/** GET /api/search (WRK-5): the groups of results, or an HttpError with the server's message. */
async function fetchSearch(q: string, signal?: AbortSignal): Promise<SearchAnswer> {
  const res = await fetch(`/api/search?q=${encodeURIComponent(q)}`, {
    signal,
    headers: { accept: "application/json" },
  });
  const body = (await res.json().catch(() => ({}))) as {
    result?: SearchAnswer;
    error?: { message?: string };
  };
  if (!res.ok || !body.result)
    throw new HttpError(res.status, body.error?.message ?? `The search failed (${res.status}).`);
  return body.result;
}

const searchKey = (q: string) => ["search", q.trim()] as const;

/**
 * The header search as a query: debounced (150 ms), cached per text (30 s), and cancelled when
 * superseded — React Query aborts the request of a text nobody watches any more. The previous
 * results stay on screen while the next load. `now(text)` answers for exactly `text` (from the
 * cache when fresh), for Enter pressed before the debounce has settled.
 */
export function useGlobalSearch(text: string, enabled: boolean) {
  const client = useQueryClient();
  const q = useDebounced(text, 150).trim();
  const query = useQuery({
    queryKey: searchKey(q),
    queryFn: ({ signal }) => fetchSearch(q, signal),
    enabled: enabled && searchable(q),
    // The previous results stay while the next load — not once the text is too short to search
    // ("printer" cut back to "p" kept showing, and Enter opening, printer's results).
    placeholderData: (previous) => (searchable(q) ? keepPreviousData(previous) : undefined),
  });
  const now = useCallback(
    (exact: string) =>
      client.fetchQuery({
        queryKey: searchKey(exact),
        queryFn: ({ signal }) => fetchSearch(exact.trim(), signal),
        staleTime: 30_000,
      }),
    [client],
  );
  return { query, settled: q === text.trim() && searchable(q), now };
}
