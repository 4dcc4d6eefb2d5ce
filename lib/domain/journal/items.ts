// Journal entries as the browser receives them, from the record pages (server-rendered first page)
// and from the journal route (polls, older pages) alike: times formatted on the server, in the
// workspace's zone, and source links only to records the reader may open.
import { isExternal, type Actor } from "../auth/roles";
import { recordPath } from "../records/tables";
import { formatDateTime, formatTime, isoDateTime } from "../time-format";
import { hiddenJournalSources } from "./access";
import type { JournalView } from "./entry";
import type { JournalItem, OlderAnswer, PollAnswer } from "./live";

/**
 * The reader: who they are (own entries are not news) and which source records they cannot open.
 * `external`: a portal reader, who gets no internal fields — no source record numbers, no rule
 * names, no name of the agent who last saved the record (POR-1, JRN-3).
 */
export type JournalReaderView = { id: number; hiddenSources: readonly string[]; external?: boolean };

export function toJournalItem(e: JournalView, reader: JournalReaderView): JournalItem {
  if (reader.external)
    return {
      ...toJournalItem(e, { ...reader, external: false }),
      sourceNumber: null,
      sourceHref: null,
      ruleName: null,
    };
  const linkable = e.sourceTable && e.sourceNumber && !reader.hiddenSources.includes(e.sourceTable);
  return {
    id: e.id,
    kind: e.kind,
    body: e.body,
    authorName: e.authorName,
    createdAt: isoDateTime(e.createdAt),
    at: formatDateTime(e.createdAt),
    sourceNumber: e.sourceNumber,
    sourceHref: linkable ? recordPath(e.sourceTable!, e.sourceNumber!) : null,
    ruleName: e.ruleName,
    own: e.authorId !== null && e.authorId === reader.id,
  };
}

export const toJournalItems = (entries: readonly JournalView[], reader: JournalReaderView) =>
  entries.map((e) => toJournalItem(e, reader));

export function toPollAnswer(poll: {
  reader: JournalReaderView;
  record: { version: number; save: { by: { id: number | null; name: string } | null; at: Date } };
  entries: JournalView[];
  truncated: boolean;
}): PollAnswer {
  const { by, at } = poll.record.save;
  return {
    entries: toJournalItems(poll.entries, poll.reader),
    record: {
      version: poll.record.version,
      savedBy: poll.reader.external ? null : (by?.name ?? null),
      savedAt: formatTime(at),
      self: by !== null && by.id === poll.reader.id,
    },
    truncated: poll.truncated,
  };
}

export function toOlderAnswer(page: {
  reader: JournalReaderView;
  entries: JournalView[];
  more: boolean;
}): OlderAnswer {
  return { entries: toJournalItems(page.entries, page.reader), more: page.more };
}

/** What a record page hands its live timeline: the first page as items, and whether older entries exist. */
export function initialTimeline(journal: { entries: JournalView[]; total: number }, actor: Actor) {
  const reader = { id: actor.id, hiddenSources: hiddenJournalSources(actor), external: isExternal(actor) };
  return {
    entries: toJournalItems(journal.entries, reader),
    hasOlder: journal.total > journal.entries.length,
  };
}
