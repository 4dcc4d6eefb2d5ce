"use client";
import { useMemo, useState } from "react";
import { JournalTimeline } from "@/components/journal/timeline";
import { mergeEntries, type JournalItem } from "@/lib/domain/journal/live";
import { useCommentPoll } from "./use-comment-poll";

/**
 * POR-1: the case's additional comments, live — polled from the journal route, which gives an
 * external reader comments only (JRN-3) — in the workspace's timeline view, without its "Show
 * older" pages and conflict banner, to keep the portal's first load light (PERF-4). New comments
 * from support are highlighted and announced politely.
 */
export function PortalLiveComments({
  source,
  initial,
}: {
  source: { table: string; number: string };
  initial: JournalItem[];
}) {
  const polled = useCommentPoll(source, initial);
  const [seen] = useState(() => new Set(initial.map((e) => e.id)));
  // The page's own entries too: after the customer's reply the re-rendered page has it at once.
  const entries = useMemo(() => mergeEntries(polled, initial), [polled, initial]);
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
      <JournalTimeline entries={entries} fresh={freshIds} emptyText="No comments yet." />
    </div>
  );
}
