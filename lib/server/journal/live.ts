import "server-only";
import { db, Prisma } from "@/lib/db";
import { isExternal, type Actor } from "@/lib/domain/auth/roles";
import { notFound } from "@/lib/domain/errors";
import { canReadJournalOf, hiddenJournalSources, seesWorkNotes } from "@/lib/domain/journal/access";
import type { JournalView } from "@/lib/domain/journal/entry";
import { lastSave, type Keyset } from "@/lib/domain/journal/live";
import { TABLE } from "@/lib/domain/records/tables";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { activePlugins } from "../plugins/read";
import { getExternalCaseRef } from "../scope/cases";
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

const RECORD_TABLE: Record<string, string> = {
  [TABLE.case]: `"Case"`,
  [TABLE.incident]: `"Incident"`,
  [TABLE.problem]: `"Problem"`,
  [TABLE.change]: `"ChangeRequest"`,
  [TABLE.request]: `"Request"`,
  [TABLE.workOrder]: `"WorkOrder"`,
};

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
  if (!canReadJournalOf(actor, table) || !Object.hasOwn(RECORD_TABLE, table))
    throw notFound(`Record ${number}`);
  const external = isExternal(actor);
  if (external) await getExternalCaseRef(actor, number);
  return {
    id: actor.id,
    hiddenSources: hiddenJournalSources(actor),
    includeWorkNotes: seesWorkNotes(actor), // JRN-3
    external,
  };
}

type Row = {
  recordId: unknown;
  version: unknown;
  updatedAt: unknown;
  auditUserId: unknown;
  auditUserName: string | null;
  auditAt: unknown;
} & { [K in keyof JournalView]: unknown };

const date = (v: unknown) => (v instanceof Date ? v : new Date(v as string | number));
const int = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toEntry(r: Row): JournalView {
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
  if (!Object.hasOwn(RECORD_TABLE, table)) throw notFound(`Record ${number}`);
  const since = after ? new Date(after.getTime() - POLL_SLACK_MS) : null;
  const window = since ? Prisma.sql`AND j."createdAt" > ${since}` : Prisma.empty;
  const kinds = opts.includeWorkNotes ? Prisma.empty : Prisma.sql`AND j."kind" = 'comments'`;
  const recordTable = Prisma.raw(RECORD_TABLE[table]);
  const rows = await db().$queryRaw<Row[]>`
    WITH rec AS (SELECT "id", "version", "updatedAt" FROM ${recordTable} WHERE "number" = ${number}),
    last_audit AS (
      SELECT "userId", "userName", "createdAt" FROM "AuditEntry"
      WHERE "table" = ${table} AND "recordId" = (SELECT "id" FROM rec)
      ORDER BY "createdAt" DESC, "id" DESC LIMIT 1),
    win AS (
      SELECT j."id", j."kind", j."body", j."authorId", j."authorName", j."createdAt", j."sourceTable",
        j."sourceNumber", j."ruleName", j."eventKey"
      FROM "JournalEntry" j
      WHERE j."table" = ${table} AND j."recordId" = (SELECT "id" FROM rec) ${window} ${kinds}
      ORDER BY j."createdAt" DESC, j."id" DESC LIMIT ${JOURNAL_PAGE + 1})
    SELECT rec."id" AS "recordId", rec."version", rec."updatedAt", a."userId" AS "auditUserId",
      a."userName" AS "auditUserName", a."createdAt" AS "auditAt", win.*
    FROM rec LEFT JOIN last_audit a ON 1 = 1 LEFT JOIN win ON 1 = 1
    ORDER BY win."createdAt" DESC, win."id" DESC`;
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
  const [record] = await db().$queryRaw<{ id: unknown }[]>`
    SELECT "id" FROM ${Prisma.raw(RECORD_TABLE[table])} WHERE "number" = ${number}`;
  if (!record) throw notFound(`Record ${number}`);
  const page = await listOlderJournal(table, Number(record.id), before, {
    includeWorkNotes: reader.includeWorkNotes,
  });
  return { reader, ...page };
}
