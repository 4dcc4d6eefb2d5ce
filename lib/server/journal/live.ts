import "server-only";
import { isExternal, type Actor } from "@/lib/domain/auth/roles";
import { notFound } from "@/lib/domain/errors";
import { canReadJournalOf, hiddenJournalSources, seesWorkNotes } from "@/lib/domain/journal/access";
import type { JournalView } from "@/lib/domain/journal/entry";
import { lastSave, type Keyset } from "@/lib/domain/journal/live";
import { TABLE } from "@/lib/domain/records/tables";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { activePlugins } from "../plugins/read";
import { getExternalCaseRef } from "../scope/cases";
import { readJournalWindow, type JournalWindowRow } from "../tables/journal-entry";
import { isRecordTable, readRecordId } from "../tables/record-tables";
import { date } from "../tables/sql";
import { JOURNAL_PAGE, listOlderJournal } from "./read";

// The live timeline's reads (SPEC §2, REC-6), permission-checked like the record pages.
//
// Why a time window and not "id > cursor": ids come from a sequence when an entry is inserted,
// but entries become visible when their transaction commits. A fan-out to thousands of cases
// (up to the 120 s transaction timeout of lib/db.ts) can commit an entry with a lower id after a
// poll already saw a higher one, so "id > last seen" would lose it for good. `createdAt` is set
// at insert too, but no transaction commits more than its timeout after it started, so an entry
// not yet visible always has createdAt > now − timeout, which is later than (any entry time the
// client holds − slack). A poll therefore sends such a time (`after`) and gets the record's
// entries created after (after − POLL_SLACK_MS: the timeout plus a margin for clock skew between
// app servers) — one range on the JournalEntry(table, recordId, createdAt) index — and the client
// merges them by id. The window holds the same entries poll after poll until something happens,
// so the route's ETag (a hash of the answer) makes "nothing new" a 304 without a body. The same
// code runs on SQLite, where writes are serialized and the slack is merely unused.

/** Must exceed the transaction timeout of lib/db.ts `transaction()` (checked by a test). */
export const POLL_SLACK_MS = 150_000;

export type JournalReader = {
  id: number;
  hiddenSources: string[];
  includeWorkNotes: boolean;
  external: boolean;
};

/**
 * The reader's view of one record's timeline; a table they may not read is "not found" (no hint).
 * An external reader gets a case's timeline only for a case in their scope — another account's
 * case answers exactly like a missing number (ROLE-3, POR-4) — and comments only (JRN-3).
 */
async function readerOf(actor: Actor, table: string, number: string): Promise<JournalReader> {
  if (!canReadJournalOf(actor, table) || !isRecordTable(table)) throw notFound(`Record ${number}`);
  const external = isExternal(actor);
  if (external) await getExternalCaseRef(actor, number);
  return {
    id: actor.id,
    hiddenSources: hiddenJournalSources(actor),
    includeWorkNotes: seesWorkNotes(actor), // JRN-3
    external,
  };
}

const int = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toEntry(r: JournalWindowRow): JournalView {
  return {
    id: Number(r.id),
    kind: r.kind as string,
    body: r.body as string,
    authorId: int(r.authorId),
    authorName: r.authorName as string,
    createdAt: date(r.createdAt),
    sourceTable: r.sourceTable as string | null,
    sourceNumber: r.sourceNumber as string | null,
    ruleName: r.ruleName as string | null,
    eventKey: r.eventKey as string | null,
  };
}

/**
 * The poll's read, for a reader already checked: the record's version and last saver (REC-6) and
 * its entries in the window after `after` − slack (all of the newest page when the client holds
 * none), newest first, in ONE statement — the record by its unique number, its newest audit row
 * and the window, each an index lookup. `truncated`: the window held more than a page.
 */
export async function pollRecord(
  table: string,
  number: string,
  after: Date | null,
  opts: { includeWorkNotes: boolean },
) {
  if (!isRecordTable(table)) throw notFound(`Record ${number}`);
  const since = after ? new Date(after.getTime() - POLL_SLACK_MS) : null;
  const rows = await readJournalWindow(table, number, since, { ...opts, limit: JOURNAL_PAGE + 1 });
  if (!rows.length) throw notFound(`Record ${number}`);
  const head = rows[0];
  const audit =
    head.auditAt === null
      ? null
      : { userId: int(head.auditUserId), userName: head.auditUserName ?? "", createdAt: date(head.auditAt) };
  const entries = rows.filter((r) => r.id !== null).map(toEntry);
  return {
    record: { version: Number(head.version), save: lastSave({ updatedAt: date(head.updatedAt) }, audit) },
    entries: entries.slice(0, JOURNAL_PAGE),
    truncated: entries.length > JOURNAL_PAGE,
  };
}

/** A work order's timeline is gone with the Field Service plugin, like its page (FSM-1). */
async function assertTableActive(table: string, number: string) {
  if (table === TABLE.workOrder && !(await activePlugins()).has(PLUGIN.fieldService))
    throw notFound(`Record ${number}`);
}

/** One poll of the live timeline by a reader who may read the record (else "not found"). */
export async function pollJournal(actor: Actor, table: string, number: string, after: Date | null) {
  const reader = await readerOf(actor, table, number);
  await assertTableActive(table, number);
  return { reader, ...(await pollRecord(table, number, after, reader)) };
}
export type JournalPoll = Awaited<ReturnType<typeof pollJournal>>;

/** "Show older": the page of entries before `before` (keyset), for a record the reader may read. */
export async function olderJournal(actor: Actor, table: string, number: string, before: Keyset) {
  const reader = await readerOf(actor, table, number);
  await assertTableActive(table, number);
  const id = isRecordTable(table) ? await readRecordId(table, number) : null;
  if (id === null) throw notFound(`Record ${number}`);
  const page = await listOlderJournal(table, id, before, {
    includeWorkNotes: reader.includeWorkNotes,
  });
  return { reader, ...page };
}
