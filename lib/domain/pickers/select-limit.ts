// A reference field is a plain select while its choices are few, and a typeahead past that: one
// limit for the server's option lists (lib/server/lookup/choices.ts, the case page's statement) and
// for a dependent field's reloaded choices (components/pickers/reference-field.tsx). A list cut at
// the limit would hide the rest — a contact past the 200th could not be chosen, and a select whose
// current value fell off the list would save "none" — so a list is read one past the limit, and one
// that reaches past it becomes a typeahead.

/** Below this many choices a field is a plain select; above it, a typeahead. */
export const SELECT_LIMIT = 200;

/** The choices for a select, or null when there are more than a select lists (read SELECT_LIMIT + 1). */
export function selectOrTypeahead<T>(rows: readonly T[]): T[] | null {
  return rows.length > SELECT_LIMIT ? null : [...rows];
}
