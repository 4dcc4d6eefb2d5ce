// API-2, API-5: a JSON body as service input — ServiceNow names to the services' input keys,
// values checked per field kind; references by sys_id, or (sysparm_input_display_value=true)
// by display value, which the server looks up.
import { invalid } from "@/lib/domain/errors";
import { shownValue } from "@/lib/domain/records/choices";
import { refuseControlCharacters } from "@/lib/domain/validation";
import { text } from "./serialize";
import { findChoice, parseQueryDate } from "./query-values";
import { idOfSysId } from "./sys-id";
import { fieldOf, type ApiField, type ApiTable } from "./table";

/** Fields the server keeps itself: ignored in bodies, as ServiceNow ignores them. */
const SYSTEM = /^(sys_(id|created_on|created_by|updated_on|updated_by)|number)$/;

export type PendingRef = { name: string; field: ApiField; display: string };
export type BodyInput = {
  input: Record<string, unknown>;
  /** References given as display values, to be looked up (by the caller, with the table's data). */
  pending: PendingRef[];
  /** `sys_mod_count` given: the version the client read (REC-6). */
  version?: number;
};

function choiceValue(name: string, f: ApiField, raw: unknown, byLabel: boolean): string | number | null {
  if (raw === null || raw === "") return null;
  const hit = findChoice(f, text(raw).trim(), byLabel);
  if (!hit) {
    const allowed = f.choices?.map((c) => `${c.value} (${c.label})`).join(", ");
    throw invalid(name, `${name}: ${shownValue(raw)} is not one of ${allowed}.`);
  }
  return hit.value;
}

function scalar(name: string, f: ApiField, raw: unknown): unknown {
  if (raw === null) return null;
  if (typeof raw === "object") throw invalid(name, `${name}: give a plain value, not ${shownValue(raw)}.`);
  const value = text(raw);
  switch (f.kind) {
    case "integer":
      if (!/^-?\d+$/.test(value.trim()))
        throw invalid(name, `${name}: ${shownValue(raw)} is not a whole number.`);
      return Number(value.trim());
    case "boolean":
      if (!/^(true|false|1|0)$/i.test(value.trim())) throw invalid(name, `${name}: give true or false.`);
      return /^(true|1)$/i.test(value.trim());
    case "datetime": {
      if (value.trim() === "") return null;
      // The query's reader: UTC unless an offset is given, impossible dates refused.
      const d = parseQueryDate(value.trim());
      if (!d) throw invalid(name, `${name}: give a date as YYYY-MM-DD HH:mm:ss (UTC).`);
      return d;
    }
    default:
      return value;
  }
}

/**
 * The body of a POST, PATCH or PUT for `table`; an unknown field is a 400 naming it — so is one the
 * caller may not read (`readable`, ROLE-1: a case's incident without incident read), exactly alike.
 */
export function readBody(
  table: ApiTable,
  body: unknown,
  byDisplay: boolean,
  readable: (name: string) => boolean = () => true,
): BodyInput {
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw invalid("body", "The body must be a JSON object of field names and values.");
  const out: BodyInput = { input: {}, pending: [] };
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    const f = readable(name) ? fieldOf(table, name) : undefined;
    if (!f) throw invalid(name, `Unknown field "${name}" for table ${table.name}.`);
    if (name === "sys_mod_count") {
      out.version = scalar(name, { column: "version", kind: "integer" }, raw) as number;
      continue;
    }
    if (SYSTEM.test(name)) continue;
    // A known field the API does not write (priority follows impact and urgency; opened_by…) is
    // ignored, as ServiceNow ignores read-only fields: a client may PUT back a record it read.
    if (!f.input) continue;
    if (f.kind === "choice") out.input[f.input] = choiceValue(name, f, raw, byDisplay);
    else if (f.kind === "reference") {
      if (raw === null || raw === "") out.input[f.input] = null;
      else if (typeof raw !== "string") throw invalid(name, `${name}: give a sys_id.`);
      else {
        const id = idOfSysId(f.ref ?? "", raw.trim());
        if (id !== null) out.input[f.input] = id;
        else if (byDisplay)
          // A display value with a control character names no record (PostgreSQL refused U+0000: a 500).
          out.pending.push({ name, field: f, display: refuseControlCharacters(raw.trim(), name, name) });
        else throw invalid(name, `${name}: no ${f.ref} record has the sys_id ${shownValue(raw)}.`);
      }
    } else out.input[f.input] = scalar(name, f, raw);
  }
  return out;
}
