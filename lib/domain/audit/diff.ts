// REC-5: which fields a change touches, as text for the audit history.
export type FieldChange = { field: string; oldValue: string | null; newValue: string | null };

export function auditText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return JSON.stringify(v) ?? null;
}

/**
 * The changes `patch` makes to `before`, field by field, skipping what stays the same. Null and ""
 * are the same value here: both are "(empty)" to a person (server/audit/describe.ts), and a form
 * sends "" for a text field that was never set — a save that did not touch it changes nothing.
 */
export function diffFields(
  before: Record<string, unknown>,
  patch: Record<string, unknown>,
  ignore: readonly string[] = [],
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (ignore.includes(field) || value === undefined) continue;
    const oldValue = auditText(before[field]);
    const newValue = auditText(value);
    if ((oldValue ?? "") !== (newValue ?? "")) out.push({ field, oldValue, newValue });
  }
  return out;
}

/** The audit rows of a new record: its initial values, leaving out blanks and false flags. */
export function creationChanges(initial: Record<string, unknown>): FieldChange[] {
  const set = Object.fromEntries(
    Object.entries(initial).filter(([, v]) => v !== null && v !== undefined && v !== "" && v !== false),
  );
  return diffFields({}, set);
}
