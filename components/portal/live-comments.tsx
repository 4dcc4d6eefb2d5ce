"use client";
import { useMemo, useState } from "react";
import { JournalTimeline } from "@/components/journal/timeline";
import { Button } from "@/components/ui/button";
import { mergeEntries, type JournalItem } from "@/lib/domain/journal/live";
import { useCommentPoll } from "./use-comment-poll";
import { useOlderComments } from "./use-older-comments";

/**
 * POR-1: the case's additional comments, live — polled from the journal route, which gives an
 * external reader comments only (JRN-3) — in the workspace's timeline view, without its conflict
 * banner, to keep the portal's first load light (PERF-4); past the newest 200, "Show older" pages
 * back. New comments from support are highlighted and announced politely.
 */
export function PortalLiveComments({
  source,
  initial,
  hasOlder,
}: {
  source: { table: string; number: string };
  initial: JournalItem[];
  /** More comments than the page holds: "Show older" pages back from its oldest. */
  hasOlder: boolean;
}) {
  const polled = useCommentPoll(source, initial);
  const [seen] = useState(() => new Set(initial.map((e) => e.id)));
  const [oldest] = useState(() => initial.at(-1) ?? null);
  const older = useOlderComments(source, oldest, hasOlder);
  // The page's own entries too: after the customer's reply the re-rendered page has it at once.
  const entries = useMemo(
    () => mergeEntries(polled, initial, older.entries),
    [polled, initial, older.entries],
  );
  // News: what only a poll brought — not the page's own entries, nor the older pages asked for.
  const fresh = useMemo(() => {
    const known = new Set([...initial, ...older.entries].map((e) => e.id));
    return entries.filter((e) => !e.own && !seen.has(e.id) && !known.has(e.id));
  }, [entries, initial, older.entries, seen]);
  const freshIds = useMemo(() => new Set(fresh.map((e) => e.id)), [fresh]);
  return (
    <div>
      <p aria-live="polite" className="sr-only">
        {fresh.length
          ? `${fresh.length} new comment${fresh.length === 1 ? "" : "s"} from ${fresh[0].authorName}.`
          : ""}
      </p>
      <JournalTimeline entries={entries} fresh={freshIds} emptyText="No comments yet." />
      {older.status === "error" && (
        <p role="alert" className="mt-3 text-center text-xs text-red-800">
          Older comments could not be loaded. Try again.
        </p>
      )}
      {older.more && (
        <div className="mt-3 text-center">
          <Button onClick={() => void older.load()} disabled={older.status === "loading"}>
            {older.status === "loading" ? "Loading…" : "Show older"}
          </Button>
        </div>
      )}
    </div>
  );
}
