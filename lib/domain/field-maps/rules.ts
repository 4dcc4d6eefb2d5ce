// PRO-2, ADM-2: a field map row is checked against the catalog before it is saved, and a map is
// applied to a source record as a pure function: the target's data, by Prisma column.
import { invalid } from "../errors";
import { clipText } from "../unicode";
import { choiceNumberText, controlCharacterIn } from "../validation";
import { FIELD_MAPS, fieldOf, type FieldDef, type FieldMapName, type FieldType } from "./catalog";

export type MapRowInput = { sourceField: string | null; constantValue: string | null; targetField: string };
export type MapRow = MapRowInput & { active?: boolean; order?: number };
export type MapValue = string | number | boolean | null;

const typeName = (t: FieldType): string => {
  switch (t.kind) {
    case "string":
      return "text";
    case "integer":
      return `a choice of ${t.choices.map((c) => c.value).join(", ")}`;
    case "choice":
      return `a choice of ${t.choices.map((c) => c.value).join(", ")}`;
    case "boolean":
      return "true or false";
    case "reference":
      return `a reference to ${t.table}`;
  }
};

/** Whether every value of `from` fits `to` (a choice list must be a subset of the target's). */
export function compatible(from: FieldType, to: FieldType): boolean {
  if (from.kind === "string" && to.kind === "string") return true;
  if (from.kind === "boolean" && to.kind === "boolean") return true;
  if (from.kind === "reference" && to.kind === "reference") return from.table === to.table;
  if (
    (from.kind === "integer" && to.kind === "integer") ||
    (from.kind === "choice" && to.kind === "choice")
  ) {
    const allowed = new Set<string | number>(to.choices.map((c) => c.value));
    return from.choices.every((c) => allowed.has(c.value));
  }
  return false;
}

/** A constant's typed value for the target field, or an error message naming the field. */
export function parseConstant(target: FieldDef, raw: string): { value: MapValue } | { error: string } {
  const t = target.type;
  const bad = (why: string) => ({ error: `Constant for ${target.label}: ${why}` });
  if (controlCharacterIn(raw)) return bad("contains a control character.");
  switch (t.kind) {
    case "string":
      return raw.length > t.max ? bad(`at most ${t.max} characters.`) : { value: raw };
    case "boolean":
      return raw === "true" || raw === "false"
        ? { value: raw === "true" }
        : bad(`"${raw}" is not true or false.`);
    case "integer": {
      const n = choiceNumberText(raw); // "0x1" or " 1" is no choice value (REL-1); a change's -5…0 are
      return typeof n === "number" && t.choices.some((c) => c.value === n)
        ? { value: n }
        : bad(`"${raw}" is not ${typeName(t)}.`);
    }
    case "choice":
      return t.choices.some((c) => c.value === raw) ? { value: raw } : bad(`"${raw}" is not ${typeName(t)}.`);
    case "reference":
      return bad("a reference cannot be a constant; map a source field instead.");
  }
}

/**
 * ADM-2: a row names an existing, writable target field and exactly one of an existing source
 * field of a compatible type or a constant valid for the target's type. Throws invalid(field).
 */
export function validateMapRow(mapName: FieldMapName, row: MapRowInput): MapRowInput {
  const map = FIELD_MAPS[mapName];
  const target = fieldOf(map.target, row.targetField);
  if (!target)
    throw invalid(
      "targetField",
      `Target field "${row.targetField}" is not a field of the ${map.targetLabel}.`,
    );
  if (!target.writable) throw invalid("targetField", `Target field ${target.label} cannot be set by a map.`);
  const fixed = map.fixedTargets?.[target.name];
  if (fixed) throw invalid("targetField", `Target field ${target.label} cannot be set by this map: ${fixed}`);
  const source = row.sourceField?.trim() || null;
  const constant = row.constantValue ?? null;
  if ((source === null) === (constant === null || constant === ""))
    throw invalid(
      "sourceField",
      `${target.label}: give either a source field or a constant value, not both.`,
    );
  if (source !== null) {
    const from = fieldOf(map.source, source);
    if (!from)
      throw invalid("sourceField", `Source field "${source}" is not a field of the ${map.sourceLabel}.`);
    if (!compatible(from.type, target.type))
      throw invalid(
        "sourceField",
        `Source field ${from.label} (${typeName(from.type)}) does not fit target field ` +
          `${target.label} (${typeName(target.type)}).`,
      );
    return { sourceField: source, constantValue: null, targetField: target.name };
  }
  const parsed = parseConstant(target, constant!);
  if ("error" in parsed) throw invalid("constantValue", parsed.error);
  return { sourceField: null, constantValue: constant, targetField: target.name };
}

/**
 * PRO-2, FSM-1: the target data a map makes from a source record (keyed by Prisma column).
 * Inactive rows and rows that no longer validate (a field removed from the catalog) are skipped.
 */
export function applyFieldMap(
  mapName: FieldMapName,
  rows: readonly MapRow[],
  source: Record<string, unknown>,
): Record<string, MapValue> {
  const map = FIELD_MAPS[mapName];
  const out: Record<string, MapValue> = {};
  const ordered = [...rows].filter((r) => r.active !== false).sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  for (const row of ordered) {
    let valid: MapRowInput;
    try {
      valid = validateMapRow(mapName, row);
    } catch {
      continue;
    }
    const target = fieldOf(map.target, valid.targetField)!;
    if (valid.sourceField !== null) {
      const value = source[fieldOf(map.source, valid.sourceField)!.column];
      const v = value === undefined ? null : (value as MapValue);
      // A blank source (an empty description) leaves a required target alone: a record whose short
      // description the map blanked was refused at its next save (ADM-2).
      if (target.type.kind === "string" && target.type.required && (v === null || v === "")) continue;
      // A longer text (a description into a short description) is cut to what the target holds —
      // between characters (clipText): half an emoji at the cut was refused by the database client,
      // and Create Work Order, the portal's request or a synced case save failed with it.
      out[target.column] =
        typeof v === "string" && target.type.kind === "string" ? clipText(v, target.type.max) : v;
    } else {
      out[target.column] = (parseConstant(target, valid.constantValue!) as { value: MapValue }).value;
    }
  }
  return out;
}
