"use client";
import {
  useInfiniteQuery,
  useQuery,
  type InfiniteData,
  type UseInfiniteQueryResult,
} from "@tanstack/react-query";
import { noFetchOnServer, onServer } from "@/components/providers/on-server";
import { HttpError } from "@/components/providers/query-provider";
import {
  formatCursor,
  mergeEntries,
  newestCreatedAt,
  type JournalItem,
  type OlderAnswer,
  type PollAnswer,
  type RecordStamp,
} from "@/lib/domain/journal/live";

/** How often an open record page asks for news. */
export const POLL_MS = 3_000;

export type JournalSource = { table: string; number: string };

/** The poll window's start moves forward once it holds this many entries (see `useLiveJournal`). */
export const WINDOW_ENTRIES = 50;

/** What the live query holds: every entry received so far, the last answer's tag and record stamp. */
export type LiveJournal = {
  /** The entry time the poll window starts from (minus the server's slack). */
  after: string | null;
  etag: string | null;
  entries: JournalItem[];
  record: RecordStamp | null;
  truncated: boolean;
};

export const liveJournalKey = (s: JournalSource) => ["journal", s.table, s.number] as const;

const journalUrl = (s: JournalSource, params: Record<string, string>) => {
  const query = new URLSearchParams(params).toString();
  return `/api/journal/${encodeURIComponent(s.table)}/${encodeURIComponent(s.number)}?${query}`;
};

async function getJson<T>(url: string, signal: AbortSignal, etag?: string | null) {
  const res = await fetch(url, {
    signal,
    // A conditional request set by hand is answered as is (a 304 reaches us, not the HTTP cache).
    cache: "no-store",
    headers: { accept: "application/json", ...(etag ? { "if-none-match": etag } : {}) },
  });
  if (res.status === 304) return { res, body: null };
  if (!res.ok) throw new HttpError(res.status, `Loading the timeline failed (${res.status}).`);
  return { res, body: (await res.json()) as T };
}

const seeded = (seed: JournalItem[]): LiveJournal => ({
  after: newestCreatedAt(seed),
  etag: null,
  entries: seed,
  record: null,
  truncated: false,
});

/** What the page reads of the live query. */
export type LiveJournalQuery = { data: LiveJournal };

/**
 * The record's live timeline: polled every POLL_MS while the tab is visible (React Query pauses
 * the interval in a hidden tab and polls again on focus), seeded with the server-rendered entries.
 * Each poll sends an entry time it holds (`after`: the server answers the entries created since
 * then, minus a slack for transactions still open — lib/server/journal/live.ts) and the last
 * answer's ETag; "nothing new" is a 304 and leaves the data (and the page) untouched; news is
 * merged in by id. `after` starts at the newest entry the page was rendered with and stays there
 * while the window is small, so news costs one 200 and the next polls are 304s again; once the
 * window holds WINDOW_ENTRIES entries it moves to the newest entry held.
 */
function useLiveJournalQuery(source: JournalSource, seed: JournalItem[]): LiveJournalQuery {
  const initial = () => seeded(seed);
  return useQuery({
    queryKey: liveJournalKey(source),
    queryFn: async ({ client, queryKey, signal }): Promise<LiveJournal> => {
      const prev = client.getQueryData<LiveJournal>(queryKey) ?? initial();
      const { res, body } = await getJson<PollAnswer>(
        journalUrl(source, prev.after ? { after: prev.after } : {}),
        signal,
        prev.etag,
      );
      if (!body) return prev;
      const entries = mergeEntries(body.entries, prev.entries);
      const moveOn = !prev.after || body.entries.length >= WINDOW_ENTRIES;
      const after = moveOn ? newestCreatedAt(entries) : prev.after;
      return {
        after,
        etag: after === prev.after ? res.headers.get("etag") : null, // a new window is a new answer
        entries,
        record: body.record,
        truncated: body.truncated,
      };
    },
    initialData: initial,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: POLL_MS,
    retry: false,
  });
}

export const useLiveJournal: (source: JournalSource, seed: JournalItem[]) => LiveJournalQuery = onServer
  ? (_source, seed) => ({ data: seeded(seed) })
  : useLiveJournalQuery;

/**
 * "Show older": pages of older entries by keyset, starting before `start` (the oldest entry the
 * page was rendered with). Fetches nothing until `enabled`; older entries never change, so pages
 * are never refetched.
 */
export type OlderJournalQuery = Pick<
  UseInfiniteQueryResult<InfiniteData<OlderAnswer>>,
  "data" | "hasNextPage" | "isFetching" | "isError" | "refetch" | "fetchNextPage"
>;

function useOlderJournalQuery(source: JournalSource, start: JournalItem | null, enabled: boolean) {
  const first = start ? formatCursor(start) : "";
  return useInfiniteQuery({
    queryKey: ["journal-older", source.table, source.number, first],
    queryFn: async ({ pageParam, signal }) =>
      (await getJson<OlderAnswer>(journalUrl(source, { before: pageParam }), signal)).body!,
    initialPageParam: first,
    getNextPageParam: (last) =>
      last.more && last.entries.length ? formatCursor(last.entries[last.entries.length - 1]) : undefined,
    enabled: enabled && start !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

/** Before the agent asks, nothing is loaded — on the server, nothing ever is. */
const notLoaded: OlderJournalQuery = {
  data: undefined,
  hasNextPage: false,
  isFetching: false,
  isError: false,
  refetch: noFetchOnServer,
  fetchNextPage: noFetchOnServer,
};

export const useOlderJournal: (
  source: JournalSource,
  start: JournalItem | null,
  enabled: boolean,
) => OlderJournalQuery = onServer ? () => notLoaded : useOlderJournalQuery;
