import "server-only";
import { type Prisma, type Tx } from "@/lib/db";
import type { SourceRecord } from "@/lib/domain/sync/events";
import type { PlannedNote } from "@/lib/domain/sync/rules";
import { insertSyncNotes } from "../tables/journal-entry";
import { lockCases } from "../tables/case";
import { copiedChildIds, directCaseIds, fanOutCases } from "../tables/case-links";

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
  // Two statements: their cases locked first, together and in order (fanOutCases).
  if (syncToChildren) await lockCases(tx, fanOutCases(source));
  const direct = await insertNotes(tx, source, note, directCaseIds(source));
  return syncToChildren ? direct + (await insertNotes(tx, source, note, copiedChildIds(source))) : direct;
}

function insertNotes(tx: Tx, source: SourceRecord, note: PlannedNote, caseIds: Prisma.Sql): Promise<number> {
  return insertSyncNotes(
    tx,
    caseIds,
    source,
    { body: note.body, eventKey: note.key, ruleName: note.rule.name },
    new Date(),
  );
}
