/**
 * Rows handed from a server page to a client component as one list of keys and one array of
 * values per row. The RSC payload repeats every key of every object: a case list's 50 rows were
 * ~430 bytes each, of which the keys were ~45%. React serializes the payload, the page embeds it
 * as a string in its HTML, and the server (to render the HTML) and the browser (to hydrate) both
 * parse it, so each byte is paid several times (PERF-8). Hand-written: a few lines, and no
 * library packs props for React Server Components.
 */
declare const rowType: unique symbol;

export type PackedRows<T extends object> = {
  keys: (keyof T & string)[];
  /** One array per row, in `keys` order; a row without a key has `undefined` there. */
  values: unknown[][];
  /** Types only (never set): only packRows makes a PackedRows<T>, and unpackRows gives back T. */
  readonly [rowType]: T;
};

/** The rows packed; the union of their keys is kept, in first-seen order. */
export function packRows<T extends object>(rows: T[]): PackedRows<T> {
  const keys = new Set<keyof T & string>();
  for (const row of rows) for (const k of Object.keys(row)) keys.add(k as keyof T & string);
  const order = [...keys];
  const packed = { keys: order, values: rows.map((row) => order.map((k) => row[k])) };
  // The brand is a type only; this is the one place that makes a PackedRows.
  return packed as PackedRows<T>;
}

/** The rows as they were packed: a key whose value was absent stays absent. */
export function unpackRows<T extends object>({ keys, values }: PackedRows<T>): T[] {
  return values.map((row) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) if (row[i] !== undefined) out[keys[i]] = row[i];
    // The values were read from a T under these keys by packRows.
    return out as T;
  });
}
