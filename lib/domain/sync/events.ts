// What happened on a related record, as the sync rules see it (SPEC §6).
import type { TableName } from "../records/tables";

export type SourceRecord = { table: TableName; id: number; number: string };

/** A saved update of a record: its state (and the fields that go with it) before and after. */
export type UpdateEvent = {
  type: "update";
  record: SourceRecord;
  /** The record's version after the update: one update, one version (SYNC-3). */
  version: number;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

/** An additional comment added to the record. */
export type CommentEvent = {
  type: "comment";
  record: SourceRecord;
  entryId: number;
  body: string;
  author: string;
};

export type SyncEvent = UpdateEvent | CommentEvent;

/** The comment events of entries just posted on a record: only additional comments are synced. */
export function commentEvents(
  record: SourceRecord,
  posted: { id: number; kind: string; body: string }[],
  author: string,
): CommentEvent[] {
  return posted
    .filter((p) => p.kind === "comments")
    .map((p) => ({ type: "comment", record, entryId: p.id, body: p.body, author }));
}

export const changed = (e: UpdateEvent, field: string) => e.before[field] !== e.after[field];
