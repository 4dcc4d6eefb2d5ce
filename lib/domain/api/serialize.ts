// API-1, API-4: a record as the Table API answers it — ServiceNow names, every value a string
// (as ServiceNow sends them), references as sys_ids, display values or both.
import { labelOf } from "@/lib/domain/records/choices";
import { sysIdOf } from "./sys-id";
import { fieldOf, type ApiField, type ApiTable } from "./table";

export type DisplayMode = "false" | "true" | "all";

export type SerializeContext = {
  mode: DisplayMode;
  /** Referenced table → id → display value (numbers, names), loaded in one query per table. */
  refDisplay: ReadonlyMap<string, ReadonlyMap<number, string>>;
  /** Computed values by field (sys_created_by…) for this record. */
  computed: Readonly<Record<string, string>>;
  /**
   * Scheme, host and prefix of links: `https://host/api/now/table`; null with
   * `sysparm_exclude_reference_link=true` (a reference in `all` mode is then `{display_value, value}`).
   */
  linkBase: string | null;
  /** The record's own sys_id (sys_properties are keyed by name, every other table by id). */
  sysId: string;
};

/** "YYYY-MM-DD HH:mm:ss" in UTC, ServiceNow's date-time format. */
export function formatDateTime(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}

/** Any stored value as the API's string ("" for nothing, dates in ServiceNow's format). */
export function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return formatDateTime(v);
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return v.toString();
  return JSON.stringify(v);
}

function displayOf(field: ApiField, value: unknown, ctx: SerializeContext): string {
  if (value === null || value === undefined || value === "") return "";
  if (field.kind === "choice" && field.choices) return labelOf(field.choices, value as string | number);
  if (field.kind === "reference") return ctx.refDisplay.get(field.ref ?? "")?.get(Number(value)) ?? "";
  return text(value);
}

function referenceValue(field: ApiField, value: unknown, ctx: SerializeContext): unknown {
  const empty = value === null || value === undefined;
  const sysId = empty ? "" : sysIdOf(field.ref ?? "", Number(value));
  if (ctx.mode === "false") return sysId;
  const display = empty ? "" : displayOf(field, value, ctx);
  if (ctx.mode === "true") return display;
  if (ctx.linkBase === null) return { display_value: display, value: sysId };
  return { display_value: display, link: empty ? "" : `${ctx.linkBase}/${field.ref}/${sysId}`, value: sysId };
}

/** One field of `row` as answered in `ctx.mode`. */
export function fieldValue(
  name: string,
  field: ApiField,
  row: Record<string, unknown>,
  ctx: SerializeContext,
) {
  if (field.kind === "sys_id")
    return ctx.mode === "all" ? { display_value: ctx.sysId, value: ctx.sysId } : ctx.sysId;
  if (field.kind === "document_id") {
    const id = row[field.column] === null ? "" : sysIdOf(String(row.table), Number(row[field.column]));
    return ctx.mode === "all" ? { display_value: id, value: id } : id;
  }
  const raw = field.journal ? "" : field.computed ? (ctx.computed[name] ?? "") : row[field.column];
  if (field.kind === "reference") return referenceValue(field, raw, ctx);
  if (ctx.mode === "false") return text(raw);
  const display = displayOf(field, raw, ctx);
  return ctx.mode === "true" ? display : { display_value: display, value: text(raw) };
}

/** The record with the given fields, in their order. */
export function serializeRecord(
  table: ApiTable,
  row: Record<string, unknown>,
  fields: readonly string[],
  ctx: SerializeContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of fields) {
    const field = fieldOf(table, name);
    if (field) out[name] = fieldValue(name, field, row, ctx);
  }
  return out;
}
