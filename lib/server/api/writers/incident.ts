import "server-only";
import { journalPostSchema } from "@/lib/domain/cases/schemas";
import { incidentTable } from "@/lib/domain/api/tables/incident";
import {
  incidentUpdateSchema,
  newIncidentSchema,
  type NewIncidentInput,
} from "@/lib/domain/incidents/schemas";
import { parseOrThrow } from "@/lib/domain/validation";
import { postIncidentJournal } from "../../incidents/journal";
import { createIncident, updateIncident } from "../../incidents/write";
import { lockRows } from "../../tables/row-locks";
import { changedInputs, hasKeys, onlyInputs, splitJournal, type Writer } from "./types";

const NEW_KEYS: ReadonlySet<string> = new Set(Object.keys(newIncidentSchema.shape));
/** What the incident form changes; the rest written on create (caller, company) is fixed after it. */
const UPDATE_KEYS: readonly string[] = Object.keys(incidentUpdateSchema.shape).filter((k) => k !== "version");

/**
 * incident: POST is the New Incident form, PATCH the incident form (INC-5 priority, INC-6 sync to
 * the cases' work notes, INC-7 caller email), work_notes/comments the composer. The journal text
 * is checked before the fields are saved, so a bad note changes nothing.
 */
export const incidentWriter: Writer = {
  async create(actor, input, tx) {
    const { fields, journal, hasJournal } = splitJournal(input);
    if (hasJournal) parseOrThrow(journalPostSchema, journal);
    // New Incident takes what its form asks; the rest (state, hold reason, assignee, resolution…)
    // is the incident form's, saved right after in the same transaction — never silently dropped.
    const basic = Object.fromEntries(Object.entries(fields).filter(([k]) => NEW_KEYS.has(k)));
    const later = Object.fromEntries(Object.entries(fields).filter(([k]) => !NEW_KEYS.has(k)));
    const created = await createIncident(actor, basic as NewIncidentInput, tx);
    if (hasJournal) await postIncidentJournal(actor, created.number, journal, tx);
    if (hasKeys(later)) {
      const { version } = await tx.incident.findUniqueOrThrow({ where: { id: created.id } });
      await updateIncident(actor, created.number, { ...later, version }, tx);
    }
    return created;
  },
  async update(actor, row, input, version, tx) {
    const { fields, journal, hasJournal } = splitJournal(input);
    if (hasJournal) parseOrThrow(journalPostSchema, journal);
    const number = String(row.number);
    // SYNC-2 / INC-4 / ITSM-4: the incident before its note locks the linked cases (the order its
    // form's save and the case side take, lockIncidentsBeforeCase): note first, they deadlocked.
    if (hasJournal && hasKeys(fields)) await lockRows(tx, "Incident", [Number(row.id)], "NO KEY UPDATE");
    if (hasJournal) await postIncidentJournal(actor, number, journal, tx);
    // A field written only on create (caller_id, company) is no change as it was read, and a 400
    // naming it with another value — never a 200 that saved nothing (API-2).
    const changes = changedInputs(row, fields, UPDATE_KEYS);
    onlyInputs(incidentTable, changes, UPDATE_KEYS, "update");
    if (hasKeys(changes)) await updateIncident(actor, number, { ...changes, version }, tx);
  },
};
