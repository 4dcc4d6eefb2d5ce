// A choice list: records store the value, the UI shows the label (REC-2). The lists themselves are
// in choices.ts (states in states.ts); both re-export these helpers.
export type Choice<V extends string | number = string | number> = { value: V; label: string };

/**
 * A list from [value, label] pairs. The value type is inferred as the union of the values given
 * (`(typeof xs)[number]["value"]`) unless a wider one is named: `list<number>(…)`.
 */
export const list = <V extends string | number>(pairs: [V, string][]): Choice<V>[] =>
  pairs.map(([value, label]) => ({ value, label }));

/** A list whose values are their own labels ("Closed Complete"…), in the order given. */
export const labelledByValue = <V extends string>(values: readonly V[]): Choice<V>[] =>
  values.map((value) => ({ value, label: value }));

export function labelOf<V extends string | number>(
  choices: readonly Choice<V>[],
  value: V | null | undefined,
): string {
  if (value === null || value === undefined || value === "") return "";
  return choices.find((c) => c.value === value)?.label ?? String(value);
}

export function isChoice<V extends string | number>(
  choices: readonly Choice<V>[],
  value: unknown,
): value is V {
  return choices.some((c) => c.value === value);
}

/** How a submitted value reads in an error message (it may be anything a client sent). */
export function shownValue(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? "(nothing)";
}
