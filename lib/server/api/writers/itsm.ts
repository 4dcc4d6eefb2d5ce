import "server-only";
import { journalPostSchema } from "@/lib/domain/cases/schemas";
import { parseOrThrow } from "@/lib/domain/validation";
import { postItsmJournal } from "../../itsm/journal";
import { CHANGE, PROBLEM, REQUEST, type ItsmInput, type ItsmRow, type ItsmSpec } from "../../itsm/specs";
import { updateItsmRecord } from "../../itsm/update";
import { RECORD_TABLE } from "../../tables/record-tables";
import { lockRows } from "../../tables/row-locks";
import { hasKeys, splitJournal, type Writer } from "./types";

/**
 * problem, change_request, sc_request: PATCH is the record's form (REC-3 lifecycle, REC-6
 * version, ITSM-3 sync to the linked cases' work notes), work_notes/comments its composer. The UI
 * makes these records only from a case (Create Problem / Change / Request), so POST is refused.
 */
function itsmWriter<Row extends ItsmRow, Input extends ItsmInput>(
  spec: ItsmSpec<Row, Input>,
  from: string,
): Writer {
  return {
    noCreate: `A ${spec.noun} is created from its case in the workspace (Additional actions → ${from}).`,
    async update(actor, row, input, version, tx) {
      const { fields, journal, hasJournal } = splitJournal(input);
      if (hasJournal) parseOrThrow(journalPostSchema, journal);
      const number = String(row.number);
      // SYNC-2 / ITSM-4: the record before its note locks the linked cases (the order its form's save
      // takes): a case resolved "fixed by" it holds it and then saves the case — note first, the two
      // deadlocked on PostgreSQL.
      if (hasJournal && hasKeys(fields))
        await lockRows(tx, RECORD_TABLE[spec.table], [Number(row.id)], "NO KEY UPDATE");
      if (hasJournal) await postItsmJournal(spec, actor, number, journal, tx);
      if (hasKeys(fields)) await updateItsmRecord(spec, actor, number, { ...fields, version }, tx);
    },
  };
}

export const problemWriter = itsmWriter(PROBLEM, "Create Problem");
export const changeWriter = itsmWriter(CHANGE, "Create Normal Change");
export const requestWriter = itsmWriter(REQUEST, "Create Request");
