import "server-only";
import type { Tx } from "@/lib/db";
import type { SyncEvent } from "@/lib/domain/sync/events";
import { syncPlugin } from "@/lib/domain/plugins/catalog";
import { plannedNotes } from "@/lib/domain/sync/rules";
import { activePlugins } from "../plugins/read";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { listProperty } from "../properties/read";
import { ruleActivity } from "./read";
import { fanOutNote } from "./fan-out";

/**
 * Runs the sync business rules for an event, inside the transaction of the update that caused
 * it (SYNC-2): the notes commit with the update or not at all. A handful of statements, whatever
 * the number of linked cases. Nothing runs while the table's plugin is inactive (ITSM-5).
 */
/** MAJ-4: notes reach the children of a linked major case only when work notes are synced. */
export async function notesReachChildren(tx: Tx): Promise<boolean> {
  return (await listProperty(PROPERTY.caseFieldsToSync, tx)).includes("work_notes");
}

export async function runSync(tx: Tx, event: SyncEvent): Promise<number> {
  if (!(await activePlugins(tx)).has(syncPlugin(event.record.table))) return 0;
  const active = await ruleActivity(tx, event.record.table);
  const notes = plannedNotes(event, active);
  if (!notes.length) return 0;
  const toChildren = await notesReachChildren(tx);
  let written = 0;
  for (const note of notes) written += await fanOutNote(tx, event.record, note, toChildren);
  return written;
}
