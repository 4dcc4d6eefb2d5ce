// SYNC-1: the named business rules that copy related-record updates into case work notes.
// Each rule says which table it watches, when it fires and what note it writes. The event key
// makes a note unique per case per event (SYNC-3): the same update never notes twice.
import { incidentResolutionCodes, incidentStates, IncidentState, labelOf, onHoldReasons } from "../records/choices";
import type { TableName } from "../records/tables";
import { changed, type SyncEvent, type UpdateEvent } from "./events";

export type SyncRule = {
  name: string;
  table: TableName;
  /** When it runs, as the admin page shows it. */
  trigger: string;
  description: string;
  applies: (e: SyncEvent) => boolean;
  note: (e: SyncEvent) => string;
};

const isUpdate = (e: SyncEvent): e is UpdateEvent => e.type === "update";
const RESOLVED_INCIDENT: readonly unknown[] = [IncidentState.Resolved, IncidentState.Closed];
const incidentState = (v: unknown) => labelOf(incidentStates, v as number);

export const INCIDENT_RULES: SyncRule[] = [
  {
    name: "Update case worknote for state change",
    table: "incident",
    trigger: "after update — State changes (not to Resolved or Closed)",
    description: "Writes the incident's state change to the work notes of its cases, with the on-hold reason when the new state is On Hold (INC-6).",
    applies: (e) => isUpdate(e) && changed(e, "state") && !RESOLVED_INCIDENT.includes(e.after.state),
    note: (e) => {
      const u = e as UpdateEvent;
      const hold = u.after.state === IncidentState.OnHold && u.after.onHoldReason
        ? `\nOn hold reason: ${labelOf(onHoldReasons, u.after.onHoldReason as number)}`
        : "";
      return `Incident ${u.record.number} state changed: ${incidentState(u.before.state)} → ${incidentState(u.after.state)}${hold}`;
    },
  },
  {
    name: "Update case worknote for resolution",
    table: "incident",
    trigger: "after update — State changes to Resolved or Closed",
    description: "Writes the incident's resolution — resolution code and resolution notes — to the work notes of its cases (INC-6).",
    applies: (e) => isUpdate(e) && changed(e, "state") && RESOLVED_INCIDENT.includes(e.after.state),
    note: (e) => {
      const u = e as UpdateEvent;
      const verb = u.after.state === IncidentState.Closed ? "closed" : "resolved";
      return `Incident ${u.record.number} ${verb}.\nResolution code: ${labelOf(incidentResolutionCodes, u.after.resolutionCode as string) || "—"}\nResolution notes: ${u.after.resolutionNotes || "—"}`;
    },
  },
  {
    name: "Update case worknote for comments change",
    table: "incident",
    trigger: "after insert — Additional comments added",
    description: "Copies every additional comment of the incident to the work notes of its cases (INC-6, PRO-4). Deactivate it to stop comments reaching all cases of the incident.",
    applies: (e) => e.type === "comment",
    note: (e) => (e.type === "comment" ? `Incident ${e.record.number} — additional comment from ${e.author}:\n${e.body}` : ""),
  },
];

export const SYNC_RULES: readonly SyncRule[] = [...INCIDENT_RULES];

/** The key of one rule's note for one event: identical on every retry of the same event. */
export function eventKey(rule: SyncRule, e: SyncEvent): string {
  const what = e.type === "comment" ? `comment:${e.entryId}` : `v${e.version}`;
  return `${e.record.table}:${e.record.id}:${what}:${rule.name}`;
}

export type PlannedNote = { rule: SyncRule; key: string; body: string };

/** The notes an event produces, given which rules are active. */
export function plannedNotes(e: SyncEvent, isActive: (rule: SyncRule) => boolean): PlannedNote[] {
  return SYNC_RULES.filter((r) => r.table === e.record.table && isActive(r) && r.applies(e)).map((rule) => ({
    rule,
    key: eventKey(rule, e),
    body: rule.note(e),
  }));
}
