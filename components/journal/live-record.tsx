"use client";
import { createContext, useContext } from "react";
import type { JournalItem } from "@/lib/domain/journal/live";
import { useLiveJournal, type JournalSource, type LiveJournalQuery } from "./use-live-journal";

type LiveRecordValue = {
  source: JournalSource;
  /** The record version this page was rendered with (REC-6). */
  version: number;
  /** The newest entries the server rendered, and whether older ones exist. */
  initial: { entries: JournalItem[]; hasOlder: boolean };
  live: LiveJournalQuery;
};

const LiveRecordContext = createContext<LiveRecordValue | null>(null);

/**
 * Keeps one record page live: ONE polling query per page, whose answers feed both the timeline
 * (new entries) and the conflict banner (the record's version and last saver). Wraps the page's
 * server-rendered content, which it passes through untouched.
 */
export function LiveRecord({
  source,
  version,
  initial,
  children,
}: Omit<LiveRecordValue, "live"> & { children: React.ReactNode }) {
  const live = useLiveJournal(source, initial.entries);
  return (
    <LiveRecordContext.Provider value={{ source, version, initial, live }}>
      {children}
    </LiveRecordContext.Provider>
  );
}

export function useLiveRecord(): LiveRecordValue {
  const value = useContext(LiveRecordContext);
  if (!value) throw new Error("useLiveRecord() outside <LiveRecord>");
  return value;
}
