// API-4: one declarative description per Table API table — ServiceNow field names mapped to the
// record's columns — read by the query compiler, the serializer and the body reader alike.
import type { Choice } from "@/lib/domain/records/choices";

/** The ServiceNow tables the API answers (SPEC §12, API-5; the directory's, SET-5). */
export const API_TABLES = [
  "sn_customerservice_case",
  "incident",
  "problem",
  "change_request",
  "sc_request",
  "wm_order",
  "wm_task",
  "customer_account",
  "customer_contact",
  "csm_consumer",
  "alm_asset",
  "sys_user",
  "sys_user_group",
  "sys_properties",
  "sys_journal_field",
] as const;
export type ApiTableName = (typeof API_TABLES)[number];
/** What a reference may point at: an API table (assets are served since SET-5). */
export type RefTableName = ApiTableName;

/**
 * string, integer, boolean, datetime: a plain column. choice: a column holding a §1 choice value
 * (number or string). reference: a foreign key column holding another table's numeric id,
 * answered as that record's sys_id. sys_id: the record's own id, answered as its sys_id.
 */
export type FieldKind =
  | "string"
  | "integer"
  | "boolean"
  | "datetime"
  | "choice"
  | "reference"
  | "sys_id"
  /** A record of any table, named by a `table` column beside it (the journal's element_id). */
  | "document_id";

export type ApiField = {
  /** The column of the Prisma model (e.g. `shortDescription`, `accountId`, `createdAt`). */
  column: string;
  kind: FieldKind;
  /** choice: the §1 list; values are stored as given, answered as strings. */
  choices?: readonly Choice[];
  /** reference: the table whose record the column points at. */
  ref?: RefTableName;
  /**
   * The key of the service input a written value goes to (e.g. `shortDescription`); absent when
   * the field is read-only through the API. Writes go through the same services as the UI.
   */
  input?: string;
  /** Answered, but computed by the reader rather than stored in `column` (sys_updated_by…). */
  computed?: boolean;
  /** The column may hold NULL (ISEMPTY then matches NULL; on NOT NULL columns it matches ""). */
  nullable?: boolean;
  /** A journal field (`work_notes`, `comments`): a write appends an entry; a read answers "". */
  journal?: boolean;
};

export type ApiTable = {
  name: ApiTableName;
  /** Field name → mapping. Every table has sys_id, sys_created_on/by, sys_updated_on/by. */
  fields: Readonly<Record<string, ApiField>>;
  /** The column shown as the record's display value when another record references it. */
  displayColumn: string;
  /** The order of a list without ORDERBY (a unique column last, so pages are stable). */
  defaultOrder: readonly { column: string; desc: boolean }[];
};

/**
 * The field `name` of `table`, or undefined: an own field only, so a client's `constructor` or
 * `toString` is an unknown field (400), never an inherited function.
 */
export const fieldOf = (table: ApiTable, name: string): ApiField | undefined =>
  Object.hasOwn(table.fields, name) ? table.fields[name] : undefined;

/** The NOT NULL columns of a table, for the query compiler's ISEMPTY/ISNOTEMPTY. */
export const requiredColumns = (table: ApiTable): ReadonlySet<string> =>
  new Set(
    Object.values(table.fields)
      .filter((f) => !f.nullable && !f.computed)
      .map((f) => f.column),
  );
