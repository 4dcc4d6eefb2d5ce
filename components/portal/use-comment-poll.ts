"use client";
import { useEffect, useRef, useState } from "react";
import { mergeEntries, newestCreatedAt, type JournalItem, type PollAnswer } from "@/lib/domain/journal/live";

/** As often as the workspace's live timeline (components/journal/use-live-journal.ts). */
const POLL_MS = 3_000;
/** The window's start moves to the newest entry once a poll brings this many. */
const WINDOW_ENTRIES = 50;

/**
 * The portal's live comments: the workspace timeline's protocol (the same journal route, `after`
 * window and ETag — lib/server/journal/live.ts explains why a window, not "id > last") in a small
 * poller instead of React Query's observer, to keep the portal's first load light (PERF-4).
 * Polls only while the tab is visible; a failed poll is retried at the next tick.
 */
export function useCommentPoll(source: { table: string; number: string }, seed: JournalItem[]) {
  const [entries, setEntries] = useState(seed);
  const first = useRef(seed);
  useEffect(() => {
    const base = `/api/journal/${encodeURIComponent(source.table)}/${encodeURIComponent(source.number)}`;
    let held = first.current;
    let after = newestCreatedAt(held);
    let etag: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      const res = await fetch(after ? `${base}?after=${encodeURIComponent(after)}` : base, {
        cache: "no-store",
        headers: { accept: "application/json", ...(etag ? { "if-none-match": etag } : {}) },
      });
      if (!res.ok) return; // 304: nothing new
      const body = (await res.json()) as PollAnswer;
      etag = res.headers.get("etag");
      held = mergeEntries(body.entries, held);
      if (!after || body.entries.length >= WINDOW_ENTRIES) {
        after = newestCreatedAt(held);
        etag = null; // a new window is a new answer
      }
      setEntries(held);
    };
    const tick = async () => {
      if (document.visibilityState === "visible") await poll().catch(() => undefined);
      if (!stopped) timer = setTimeout(() => void tick(), POLL_MS);
    };
    timer = setTimeout(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [source.table, source.number]);
  return entries;
}
