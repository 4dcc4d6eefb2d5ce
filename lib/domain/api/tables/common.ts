import type { ApiField, RefTableName } from "../table";

// Small builders so each table reads as a list of ServiceNow names and columns (API-4).
export const str = (column: string, input?: string): ApiField => ({ column, kind: "string", input });
export const int = (column: string, input?: string): ApiField => ({ column, kind: "integer", input });
export const bool = (column: string, input?: string): ApiField => ({ column, kind: "boolean", input });
export const date = (column: string, input?: string): ApiField => ({ column, kind: "datetime", input });
export const choice = (column: string, choices: ApiField["choices"], input?: string): ApiField => ({
  column,
  kind: "choice",
  choices,
  input,
});
export const ref = (column: string, table: RefTableName, input?: string): ApiField => ({
  column,
  kind: "reference",
  ref: table,
  input,
  nullable: true,
});
/** The same field on a column that may be NULL. */
export const nullable = (f: ApiField): ApiField => ({ ...f, nullable: true });
/** A journal field: written only (appends an entry), never read back from the record (API-2). */
export const journal = (input: string): ApiField => ({
  column: input,
  kind: "string",
  input,
  computed: true,
  journal: true,
});

/**
 * What every table answers (API-1): its sys_id, and when and by whom it was made and last
 * changed. The "by" fields are computed from the audit history (the record's first and latest
 * audit rows), the only place that knows who saved a record.
 */
export const SYS_FIELDS: Record<string, ApiField> = {
  sys_id: { column: "id", kind: "sys_id" },
  sys_created_on: date("createdAt"),
  sys_updated_on: date("updatedAt"),
  sys_created_by: { column: "createdBy", kind: "string", computed: true },
  sys_updated_by: { column: "updatedBy", kind: "string", computed: true },
};

/**
 * ServiceNow's `task` fields, which every numbered record extends (case, incident, problem, change,
 * request, work order and task): the SYS fields, the number, and the short description and
 * description, written as the record's form writes them.
 */
export const TASK_FIELDS: Record<string, ApiField> = {
  ...SYS_FIELDS,
  number: str("number"),
  short_description: str("shortDescription", "shortDescription"),
  description: str("description", "description"),
};

export const BY_UPDATED = [
  { column: "updatedAt", desc: true },
  { column: "id", desc: true },
] as const;
export const BY_ID = [{ column: "id", desc: false }] as const;
