// API-1, REL-1: one `sysparm_query` value read as what its field stores — a number, a boolean, a
// Date (UTC), a choice value or a record's numeric id — or a 400 naming the field and the value.
import { invalid } from "@/lib/domain/errors";
import { shownValue } from "@/lib/domain/records/choices";
import { MAX_INT } from "@/lib/domain/validation";
import { idOfSysId, propertyNameOfSysId } from "./sys-id";
import type { ApiField, ApiTable } from "./table";

/** A sys_id that names no record of the table: `=`/`IN` match nothing, no error (as ServiceNow). */
export const NO_RECORD: unique symbol = Symbol("no record");
export type QueryValue = string | number | boolean | Date | typeof NO_RECORD;

const refuse = (message: string) => invalid("sysparm_query", message);

const INTEGER = /^-?\d{1,10}$/;
/** `YYYY-MM-DD`, `YYYY-MM-DD HH:mm:ss` or ISO 8601 (`T`, fractions, `Z` or an offset). */
const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The numeric id a sys_id names in `table`, or NO_RECORD (also for ids past the columns' range). */
export function recordId(table: string, sysId: string): number | typeof NO_RECORD {
  const id = idOfSysId(table, sysId);
  return id !== null && id <= MAX_INT ? id : NO_RECORD;
}

/** A date-time read as UTC unless it names its offset; impossible dates (Feb 31) refused → null. */
export function parseQueryDate(text: string): Date | null {
  const m = DATETIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", ms = "0", zone] = m;
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms.padEnd(3, "0"));
  const check = new Date(utc);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) {
    return null;
  }
  if (!zone || zone === "Z") return check;
  const sign = zone[0] === "-" ? -1 : 1;
  const hours = +zone.slice(1, 3);
  const minutes = +zone.slice(-2);
  if (hours > 23 || minutes > 59) return null;
  return new Date(utc - sign * (hours * 60 + minutes) * 60_000);
}

/**
 * The choice `raw` names: by its value, or (`byLabel`) by its label, case-insensitively — shared
 * by queries (always by label too) and bodies (labels with sysparm_input_display_value).
 */
export function findChoice(field: ApiField, raw: string, byLabel: boolean) {
  const choices = field.choices ?? [];
  const lower = raw.toLowerCase();
  return (
    choices.find((c) => String(c.value) === raw) ??
    (byLabel ? choices.find((c) => c.label.toLowerCase() === lower) : undefined)
  );
}

function choiceValue(name: string, field: ApiField, raw: string): string | number {
  const choices = field.choices ?? [];
  const hit = findChoice(field, raw, true);
  if (hit) return hit.value;
  const allowed = choices.map((c) => shownValue(String(c.value))).join(", ");
  throw refuse(`Field "${name}" in sysparm_query cannot be ${shownValue(raw)} (allowed: ${allowed}).`);
}

/** True when every value of a choice field is a number (so `<`, `>` compare numerically). */
export const isNumericChoice = (field: ApiField) =>
  field.kind === "choice" &&
  (field.choices ?? []).length > 0 &&
  field.choices!.every((c) => typeof c.value === "number");

/** REL-1: `raw` as the value field `name` of `table` stores. */
export function queryValue(table: ApiTable, name: string, field: ApiField, raw: string): QueryValue {
  switch (field.kind) {
    case "string":
      return raw;
    case "integer": {
      const n = Number(raw);
      if (!INTEGER.test(raw) || Math.abs(n) > MAX_INT) {
        throw refuse(`Field "${name}" in sysparm_query needs a whole number, found ${shownValue(raw)}.`);
      }
      return n;
    }
    case "boolean": {
      const v = raw.toLowerCase();
      if (v === "true" || v === "1") return true;
      if (v === "false" || v === "0") return false;
      throw refuse(`Field "${name}" in sysparm_query needs true or false, found ${shownValue(raw)}.`);
    }
    case "datetime": {
      const date = parseQueryDate(raw);
      if (!date) {
        throw refuse(
          `Field "${name}" in sysparm_query needs a date (YYYY-MM-DD HH:mm:ss, YYYY-MM-DD or ISO 8601), ` +
            `found ${shownValue(raw)}.`,
        );
      }
      return date;
    }
    case "choice":
      return choiceValue(name, field, raw);
    case "reference":
      if (!field.ref) throw new Error(`Reference field ${table.name}.${name} names no table`);
      return recordId(field.ref, raw);
    case "sys_id":
      if (table.name === "sys_properties") return propertyNameOfSysId(raw) ?? NO_RECORD;
      return recordId(table.name, raw);
    case "document_id":
      return recordId(table.name, raw);
  }
}
