"use client";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { mergeEntries, type JournalItem } from "@/lib/domain/journal/live";
import { useLiveRecord } from "./live-record";
import { JournalTimeline } from "./timeline";
import { useOlderJournal } from "./use-live-journal";

function announcement(fresh: JournalItem[]): string {
  if (!fresh.length) return "";
  const [newest] = fresh;
  const kind = newest.kind === "work_notes" ? "work note" : "additional comment";
  const count = fresh.length === 1 ? "1 new entry" : `${fresh.length} new entries`;
  return `${count} in Activity. Newest: ${kind} from ${newest.authorName}.`;
}

/**
 * The record's timeline, live: what the server rendered, what polls brought since (merged by id,
 * newest first) and the older pages the agent asked for. Entries others wrote while the page was
 * open are highlighted and announced politely; focus never moves.
 */
export function LiveTimeline() {
  const { source, initial, live } = useLiveRecord();
  // What the page first showed: the baseline for "new", and where "Show older" starts.
  const [mount] = useState(() => ({
    entries: initial.entries,
    ids: new Set(initial.entries.map((e) => e.id)),
    oldest: initial.entries.at(-1) ?? null,
    hasOlder: initial.hasOlder,
  }));
  const [wantsOlder, setWantsOlder] = useState(false);
  const older = useOlderJournal(source, mount.oldest, wantsOlder);
  const olderEntries = useMemo(() => older.data?.pages.flatMap((p) => p.entries) ?? [], [older.data]);
  // The page's own entries are merged too: after the agent's post the re-rendered page has it at once.
  const entries = useMemo(
    () => mergeEntries(live.data.entries, initial.entries, mount.entries, olderEntries),
    [live.data.entries, initial.entries, mount.entries, olderEntries],
  );
  // News: what only a poll brought — not the agent's own entries, nor what the server rendered
  // (at first, or again after the agent's own action re-rendered the page), nor older pages.
  const fresh = useMemo(() => {
    const known = new Set([...initial.entries, ...olderEntries].map((e) => e.id));
    return entries.filter((e) => !e.own && !mount.ids.has(e.id) && !known.has(e.id));
  }, [entries, initial.entries, olderEntries, mount.ids]);
  const freshIds = useMemo(() => new Set(fresh.map((e) => e.id)), [fresh]);

  const moreOlder = wantsOlder ? older.hasNextPage || older.isFetching || older.isError : mount.hasOlder;
  const loadOlder = () => {
    if (!wantsOlder) setWantsOlder(true);
    else if (older.isError && !older.data) void older.refetch();
    else void older.fetchNextPage();
  };
  return (
    <div>
      <p aria-live="polite" className="sr-only">
        {announcement(fresh)}
      </p>
      {live.data.truncated && (
        <p className="mb-3 text-xs text-slate-700">
          More entries arrived than the timeline can add at once — reload the page to see all of them.
        </p>
      )}
      <JournalTimeline entries={entries} fresh={freshIds} />
      {older.isError && (
        <p role="alert" className="mt-3 text-center text-xs text-red-800">
          Older entries could not be loaded. Try again.
        </p>
      )}
      {moreOlder && (
        <div className="mt-3 text-center">
          <Button onClick={loadOlder} disabled={older.isFetching}>
            {older.isFetching ? "Loading…" : "Show older"}
          </Button>
        </div>
      )}
    </div>
  );
}
