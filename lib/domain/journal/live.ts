// The live timeline's protocol (SPEC §2, REC-6): what a poll and a "Show older" page carry, the
// cursors they take, and how the client merges what it receives. Pure: used by the route, the
// services and the browser alike.
// Imports stay light: this module is part of the record pages' client bundle (PERF-4).
import { invalid } from "../errors";

/** Ids are 32-bit integers in both databases (as MAX_INT in ../validation, which brings zod along). */
const MAX_ID = 2_147_483_647;

/** A journal entry as the browser receives it (JSON): time as ISO and as the workspace shows it. */
export type JournalItem = {
  id: number;
  kind: string;
  body: string;
  authorName: string;
  /** ISO 8601, for ordering and cursors. */
  createdAt: string;
  /** Formatted on the server, in the workspace's time zone. */
  at: string;
  sourceNumber: string | null;
  /** Link to the record that caused a sync entry; null when the reader may not open it. */
  sourceHref: string | null;
  ruleName: string | null;
  /** Written by the reader (not announced as news). */
  own: boolean;
};

/** Who last saved the record, for the conflict banner (REC-6). */
export type RecordStamp = {
  version: number;
  /** The person named by the newest audit row of that save; null when no audit row tells. */
  savedBy: string | null;
  /** The save's time, formatted like the timeline's times (time of day only). */
  savedAt: string;
  /** The reader made that save themselves. */
  self: boolean;
};

/** `GET /api/journal/<table>/<number>[?after=…]`: entries in the poll window, and the record's stamp. */
export type PollAnswer = { entries: JournalItem[]; record: RecordStamp; truncated: boolean };
/** `GET /api/journal/<table>/<number>?before=…`: the next older page. */
export type OlderAnswer = { entries: JournalItem[]; more: boolean };

/** The position of an entry in timeline order: (createdAt, id), newest first. */
export type Keyset = { createdAt: Date; id: number };

/** Timeline order (JRN-2): newest first; entries written in the same millisecond by id. */
export function newestFirst(
  a: Pick<JournalItem, "createdAt" | "id">,
  b: Pick<JournalItem, "createdAt" | "id">,
) {
  const t = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  return t !== 0 ? t : b.id - a.id;
}

/** One timeline from several partial ones (server page, polls, older pages): each entry once, by id. */
export function mergeEntries(...lists: readonly (readonly JournalItem[])[]): JournalItem[] {
  const byId = new Map<number, JournalItem>();
  for (const list of lists) for (const e of list) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()].sort(newestFirst);
}

/** The newest `createdAt` of some entries (ISO), or null. */
export function newestCreatedAt(entries: readonly Pick<JournalItem, "createdAt">[]): string | null {
  let best: string | null = null;
  for (const e of entries)
    if (best === null || Date.parse(e.createdAt) > Date.parse(best)) best = e.createdAt;
  return best;
}

export const formatCursor = (k: { createdAt: Date | string; id: number }) =>
  `${typeof k.createdAt === "string" ? k.createdAt : k.createdAt.toISOString()}_${k.id}`;

// Dates a cursor may carry: anything else is not one the app handed out.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

function parseDate(raw: string, field: string): Date {
  const d = new Date(raw);
  const t = d.getTime();
  if (
    !/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(raw) ||
    Number.isNaN(t) ||
    t < EARLIEST ||
    t > LATEST
  )
    throw invalid(
      field,
      `${field} must be a date and time in ISO 8601 (for example 2026-11-22T14:02:00.000Z).`,
    );
  return d;
}

/** `after`: the newest entry time the client holds (ISO), or null for "nothing yet". */
export function parseAfter(raw: string | null): Date | null {
  return raw === null || raw === "" ? null : parseDate(raw, "after");
}

/**
 * `before`: the cursor of the oldest entry the client holds, `<createdAt ISO>_<id>` — of a timeline,
 * or of another list paged the same way (`what`: a case's attachments).
 */
export function parseCursor(raw: string, what = "a timeline entry"): Keyset {
  const at = raw.lastIndexOf("_");
  const id = Number(raw.slice(at + 1));
  if (at < 1 || !/^\d+$/.test(raw.slice(at + 1)) || id < 1 || id > MAX_ID)
    throw invalid("before", `before must be the cursor of ${what} (<time>_<id>).`);
  return { createdAt: parseDate(raw.slice(0, at), "before"), id };
}

/**
 * Who made the record's latest save: the newest audit row names them when it belongs to that
 * save, i.e. it is not older than the record's `updatedAt` (give or take the few milliseconds
 * between the update and its audit rows in one transaction). A version bump that wrote no audit
 * row leaves the saver unknown.
 */
export function lastSave(
  record: { updatedAt: Date },
  audit: { userId: number | null; userName: string; createdAt: Date } | null,
): { by: { id: number | null; name: string } | null; at: Date } {
  if (audit && audit.createdAt.getTime() >= record.updatedAt.getTime() - 2_000)
    return { by: { id: audit.userId, name: audit.userName }, at: audit.createdAt };
  return { by: null, at: record.updatedAt };
}
