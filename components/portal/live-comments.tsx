"use client";
import { useMemo, useState } from "react";
import { JournalTimeline } from "@/components/journal/timeline";
import { useLiveJournal, type JournalSource } from "@/components/journal/use-live-journal";
import { mergeEntries, type JournalItem } from "@/lib/domain/journal/live";

/**
 * POR-1: the case's additional comments, live — the workspace's poll (use-live-journal, the same
 * journal route, which gives an external reader comments only, JRN-3) and timeline view, without
 * the workspace's "Show older" pages and conflict banner, to keep the portal's first load light
 * (PERF-4). New comments from support are highlighted and announced politely.
 */
export function PortalLiveComments({ source, initial }: { source: JournalSource; initial: JournalItem[] }) {
  const live = useLiveJournal(source, initial);
  const [seen] = useState(() => new Set(initial.map((e) => e.id)));
  // The page's own entries too: after the customer's reply the re-rendered page has it at once.
  const entries = useMemo(() => mergeEntries(live.data.entries, initial), [live.data.entries, initial]);
  const fresh = useMemo(() => {
    const known = new Set(initial.map((e) => e.id));
    return entries.filter((e) => !e.own && !seen.has(e.id) && !known.has(e.id));
  }, [entries, initial, seen]);
  const freshIds = useMemo(() => new Set(fresh.map((e) => e.id)), [fresh]);
  return (
    <div>
      <p aria-live="polite" className="sr-only">
        {fresh.length
          ? `${fresh.length} new comment${fresh.length === 1 ? "" : "s"} from ${fresh[0].authorName}.`
          : ""}
      </p>
      <JournalTimeline entries={entries} fresh={freshIds} />
    </div>
  );
}
