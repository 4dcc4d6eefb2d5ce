// FSM-3: a work order's state change reaches its case's work notes through a named rule (SYNC-1),
// listed and switchable on /admin/business-rules like the ITSM rules.
import { TABLE } from "../records/tables";
import { changed, type SyncEvent, type UpdateEvent } from "./events";
import type { SyncRule } from "./record-rules";

export const WORK_ORDER_STATE_RULE = "Update case worknote for work order state change";

export const WORK_ORDER_RULES: SyncRule[] = [
  {
    name: WORK_ORDER_STATE_RULE,
    table: TABLE.workOrder,
    trigger: "after update — State changes",
    description: "Writes the work order's state change to the work notes of its case.",
    applies: (e) => e.type === "update" && changed(e, "state"),
    note: (e: SyncEvent) => {
      const u = e as UpdateEvent;
      return `Work order ${u.record.number} state changed: ${String(u.before.state)} → ${String(u.after.state)}`;
    },
  },
];
