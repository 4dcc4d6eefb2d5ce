// API-1, API-5: the sysparm_* parameters of a Table API request, checked (REL-1).
import { invalid } from "@/lib/domain/errors";
import type { DisplayMode } from "./serialize";
import { fieldOf, type ApiTable } from "./table";

/** ServiceNow's default page is 10,000 rows; it is also the most one request may ask for. */
export const MAX_LIMIT = 10_000;
export const MAX_OFFSET = 10_000_000;

export type ReadParams = {
  fields: string[];
  limit: number;
  offset: number;
  mode: DisplayMode;
  query: string;
  /** `sysparm_exclude_reference_link=true`: references in `all` mode without their link (API-5). */
  excludeReferenceLink: boolean;
};

/** A count; past `max` it is `max` (as ServiceNow answers at most its limit), so the message says so. */
function count(raw: string | null, name: string, fallback: number, max: number): number {
  if (raw === null || raw.trim() === "") return fallback;
  if (!/^\d+$/.test(raw.trim()))
    throw invalid(
      name,
      `${name} must be a whole number, 0 or more (above ${max} it counts as ${max}); got "${raw.slice(0, 40)}".`,
    );
  return Math.min(Number(raw.trim()), max);
}

/**
 * `sysparm_offset`: at most MAX_OFFSET, or a 400. Counted as MAX_OFFSET, a client following the
 * `next` links past it was answered the same page for ever.
 */
function offsetOf(raw: string | null): number {
  const name = "sysparm_offset";
  if (raw === null || raw.trim() === "") return 0;
  const text = raw.trim();
  if (!/^\d+$/.test(text) || Number(text) > MAX_OFFSET)
    throw invalid(
      name,
      `${name} must be a whole number from 0 to ${MAX_OFFSET} (narrow the list with sysparm_query); ` +
        `got "${raw.slice(0, 40)}".`,
    );
  return Number(text);
}

export function displayMode(raw: string | null): DisplayMode {
  const v = (raw ?? "false").trim().toLowerCase();
  if (v === "" || v === "false") return "false";
  if (v === "true" || v === "all") return v;
  throw invalid("sysparm_display_value", "sysparm_display_value must be true, false or all.");
}

/** A true/false parameter: absent or empty is false; anything but true or false is a 400 naming it (REL-1). */
export function flag(p: URLSearchParams, name: string): boolean {
  const v = (p.get(name) ?? "").trim().toLowerCase();
  if (v === "" || v === "false") return false;
  if (v === "true") return true;
  throw invalid(name, `${name} must be true or false.`);
}

/**
 * The fields a request answers: `sysparm_fields` (each must be a field of the table: a 400 names
 * the first that is not), or every field; `readable` drops those the actor may not read.
 */
export function selectFields(
  table: ApiTable,
  raw: string | null,
  readable: (f: string) => boolean,
): string[] {
  const asked = (raw ?? "")
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  for (const f of asked)
    if (!fieldOf(table, f))
      throw invalid("sysparm_fields", `Unknown field "${f}" in sysparm_fields for table ${table.name}.`);
  const list = asked.length ? [...new Set(asked)] : Object.keys(table.fields);
  return list.filter(readable);
}

export function readParams(
  table: ApiTable,
  p: URLSearchParams,
  readable: (f: string) => boolean,
): ReadParams {
  return {
    fields: selectFields(table, p.get("sysparm_fields"), readable),
    limit: count(p.get("sysparm_limit"), "sysparm_limit", MAX_LIMIT, MAX_LIMIT),
    offset: offsetOf(p.get("sysparm_offset")),
    mode: displayMode(p.get("sysparm_display_value")),
    query: p.get("sysparm_query") ?? "",
    excludeReferenceLink: flag(p, "sysparm_exclude_reference_link"),
  };
}
