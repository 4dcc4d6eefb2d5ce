// Three sync rules per related table: state change, resolution/closure, additional comments
// (INC-6, ITSM-3). One factory, so every table behaves alike and differs only in its words.
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

export type RecordSyncSpec = {
  table: TableName;
  /** "Incident", "Problem"… as notes start. */
  noun: string;
  names: { state: string; done: string; comments: string };
  stateLabel: (state: unknown) => string;
  /** States whose arrival writes the resolution/closure note instead of the state-change note. */
  doneStates: readonly unknown[];
  doneLabel: string;
  /** Extra lines for a state change (e.g. the on-hold reason). */
  stateDetail?: (e: UpdateEvent) => string | null;
  /** The resolution/closure note's lines after its first line. */
  doneDetail: (e: UpdateEvent) => string[];
};

const isUpdate = (e: SyncEvent): e is UpdateEvent => e.type === "update";

export function recordRules(s: RecordSyncSpec): SyncRule[] {
  const done = (e: UpdateEvent) => s.doneStates.includes(e.after.state);
  const noun = s.noun.toLowerCase();
  return [
    {
      name: s.names.state,
      table: s.table,
      trigger: `after update — State changes (not to ${s.doneLabel})`,
      description: `Writes the ${noun}'s state change to the work notes of its cases.`,
      applies: (e) => isUpdate(e) && changed(e, "state") && !done(e),
      note: (e) => {
        const u = e as UpdateEvent;
        const detail = s.stateDetail?.(u);
        const change = `${s.stateLabel(u.before.state)} → ${s.stateLabel(u.after.state)}`;
        return `${s.noun} ${u.record.number} state changed: ${change}${detail ? `\n${detail}` : ""}`;
      },
    },
    {
      name: s.names.done,
      table: s.table,
      trigger: `after update — State changes to ${s.doneLabel}`,
      description:
        `Writes the ${noun}'s ${s.doneLabel.toLowerCase()} with its codes and notes ` +
        "to the work notes of its cases.",
      applies: (e) => isUpdate(e) && changed(e, "state") && done(e),
      note: (e) => {
        const u = e as UpdateEvent;
        return [
          `${s.noun} ${u.record.number} ${s.stateLabel(u.after.state).toLowerCase()}.`,
          ...s.doneDetail(u),
        ].join("\n");
      },
    },
    {
      name: s.names.comments,
      table: s.table,
      trigger: "after insert — Additional comments added",
      description:
        `Copies every additional comment of the ${noun} to the work notes of its cases. ` +
        `Deactivate it to stop comments reaching all cases of the ${noun}.`,
      applies: (e) => e.type === "comment",
      note: (e) =>
        e.type === "comment"
          ? `${s.noun} ${e.record.number} — additional comment from ${e.author}:\n${e.body}`
          : "",
    },
  ];
}
