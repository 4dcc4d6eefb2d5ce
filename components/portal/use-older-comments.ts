"use client";
import { useState } from "react";
import { formatCursor, type JournalItem, type OlderAnswer } from "@/lib/domain/journal/live";

/**
 * POR-1 / JRN-2: the portal's "Show older" — the pages before the newest 200 comments, from the same
 * journal route as the workspace (`?before=<cursor>`, comments only for an external reader). A small
 * fetch instead of React Query's infinite query, to keep the portal's first load light (PERF-4).
 */
export function useOlderComments(
  source: { table: string; number: string },
  oldest: JournalItem | null,
  hasOlder: boolean,
) {
  const [entries, setEntries] = useState<JournalItem[]>([]);
  const [more, setMore] = useState(hasOlder && oldest !== null);
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");
  const load = async () => {
    const from = entries.at(-1) ?? oldest;
    if (!from || status === "loading") return;
    setStatus("loading");
    try {
      const base = `/api/journal/${encodeURIComponent(source.table)}/${encodeURIComponent(source.number)}`;
      const res = await fetch(`${base}?before=${encodeURIComponent(formatCursor(from))}`, {
        cache: "no-store",
        headers: { accept: "application/json" },
      });
      if (!res.ok) throw new Error(`older comments: ${res.status}`);
      const page = (await res.json()) as OlderAnswer;
      setEntries((held) => [...held, ...page.entries]);
      setMore(page.more);
      setStatus("idle");
    } catch {
      setStatus("error");
    }
  };
  return { entries, more, status, load };
}
