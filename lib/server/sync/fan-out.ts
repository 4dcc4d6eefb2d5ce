import "server-only";
import { type Prisma, type Tx } from "@/lib/db";
import type { SourceRecord } from "@/lib/domain/sync/events";
import type { PlannedNote } from "@/lib/domain/sync/rules";
import { TABLE } from "@/lib/domain/records/tables";
import { copiedChildIds, directCaseIds } from "./targets";

/**
 * Writes one work note on every case linked to `source`, and — when work notes sync to child
 * cases — a copy on the children of linked major cases (MAJ-4): at most two statements, whatever
 * the number of cases (SYNC-4). The unique (table, recordId, eventKey) index with ON CONFLICT DO
 * NOTHING makes a retry, a double submit or a concurrent duplicate write nothing more (SYNC-3).
 * Closed and Cancelled cases get the note too: it is the system's record of what the linked
 * record did, not a change by a person (SPEC §1; the decision is explained in cases/journal.ts).
 * Returns how many notes were written.
 */
export async function fanOutNote(
  tx: Tx,
  source: SourceRecord,
  note: PlannedNote,
  syncToChildren: boolean,
): Promise<number> {
  const direct = await insertNotes(tx, source, note, directCaseIds(source));
  return syncToChildren ? direct + (await insertNotes(tx, source, note, copiedChildIds(source))) : direct;
}

async function insertNotes(
  tx: Tx,
  source: SourceRecord,
  note: PlannedNote,
  caseIds: Prisma.Sql,
): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "JournalEntry" ("table", "recordId", "kind", "body", "authorId", "authorName", "createdAt",
      "sourceTable", "sourceId", "sourceNumber", "eventKey", "ruleName")
    SELECT ${TABLE.case}, t."id", 'work_notes', ${note.body}, NULL, ${"System"}, ${new Date()},
      ${source.table}, ${source.id}, ${source.number}, ${note.key}, ${note.rule.name}
    FROM (${caseIds}) t
    WHERE true -- SQLite: without a WHERE, "ON CONFLICT" would parse as a join condition
    ON CONFLICT DO NOTHING`;
}
