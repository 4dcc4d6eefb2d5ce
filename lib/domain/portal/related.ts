// POR-2: what the portal shows of a record linked to a case — customer-safe fields only. Shared by
// the scoped reads (lib/server/portal/related.ts) and the Related Records widget and dialog.

export type RelatedKind = "problem" | "change" | "request" | "workOrder";

export type RelatedRecord = {
  kind: RelatedKind;
  /** "Problem", "Change", "Change (caused by)", "Request", "Work order" */
  type: string;
  number: string;
  /** The state's label */
  state: string;
  shortDescription: string;
};

export type RelatedTask = {
  number: string;
  state: string;
  shortDescription: string;
  windowStart: Date | null;
  windowEnd: Date | null;
  /** The window as text, in the server's zone: the dialog showing it renders in the browser. */
  windowText: string;
};

/** A related record's details for the dialog; a work order adds its priority and tasks with windows. */
export type RelatedDetail = RelatedRecord & { priority?: string; tasks?: RelatedTask[] };
