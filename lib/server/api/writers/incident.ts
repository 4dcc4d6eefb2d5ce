import "server-only";
import { journalPostSchema } from "@/lib/domain/cases/schemas";
import type { NewIncidentInput } from "@/lib/domain/incidents/schemas";
import { parseOrThrow } from "@/lib/domain/validation";
import { postIncidentJournal } from "../../incidents/journal";
import { createIncident, updateIncident } from "../../incidents/write";
import { hasKeys, splitJournal, type Writer } from "./types";

/**
 * incident: POST is the New Incident form, PATCH the incident form (INC-5 priority, INC-6 sync to
 * the cases' work notes, INC-7 caller email), work_notes/comments the composer. The journal text
 * is checked before the fields are saved, so a bad note changes nothing.
 */
export const incidentWriter: Writer = {
  async create(actor, input, tx) {
    const { fields, journal, hasJournal } = splitJournal(input);
    if (hasJournal) parseOrThrow(journalPostSchema, journal);
    const created = await createIncident(actor, fields as NewIncidentInput, tx);
    if (hasJournal) await postIncidentJournal(actor, created.number, journal, tx);
    return created;
  },
  async update(actor, row, input, version, tx) {
    const { fields, journal, hasJournal } = splitJournal(input);
    if (hasJournal) parseOrThrow(journalPostSchema, journal);
    const number = String(row.number);
    if (hasJournal) await postIncidentJournal(actor, number, journal, tx);
    if (hasKeys(fields)) await updateIncident(actor, number, { ...fields, version }, tx);
  },
};
