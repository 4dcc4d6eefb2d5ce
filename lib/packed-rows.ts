/**
 * Rows handed from a server page to a client component as one list of keys and the values as one
 * JSON text. The RSC payload repeats every key of every object: a case list's 50 rows were ~430
 * bytes each, of which the keys were ~45%. React serializes the payload, the page embeds it as a
 * string in its HTML, and the server (to render the HTML) and the browser (to hydrate) both parse
 * it, so each byte is paid several times (PERF-8). And each value is paid too: React writes a
 * prop's values one by one through a JavaScript callback, and reads them back one by one through
 * another (on the server, to render the HTML, and in the browser) — ~900 values for a list. One
 * string is one value: React sends a long one as a raw text chunk, and `JSON.parse` reads it in
 * native code. Hand-written: a few lines, and no library packs props for React Server Components.
 */
declare const rowType: unique symbol;

/**
 * What JSON carries as it is: no Date, Map, BigInt or function (a row formats those first), no
 * `undefined` inside an array or a nested object, finite numbers only (-0 comes back as 0).
 */
type Json = string | number | boolean | null | readonly Json[] | { readonly [k: string]: Json };

export type PackedRows<T extends object> = {
  keys: (keyof T & string)[];
  /**
   * `[values, absent]` as JSON: one array per row in `keys` order (null where the row has no
   * value), and by row index the indexes of the keys that row lacks (JSON has no `undefined`).
   */
  json: string;
  /** Types only (never set): only packRows makes a PackedRows<T>, and unpackRows gives back T. */
  readonly [rowType]: T;
};

/** The rows packed; the union of their keys is kept, in first-seen order. */
export function packRows<T extends { [K in keyof T]: Json | undefined }>(rows: T[]): PackedRows<T> {
  const keys = new Set<keyof T & string>();
  for (const row of rows) for (const k of Object.keys(row)) keys.add(k as keyof T & string);
  const order = [...keys];
  const absent: Record<number, number[]> = {};
  const values = rows.map((row, r) =>
    order.map((k, i) => {
      if (row[k] !== undefined) return row[k];
      (absent[r] ??= []).push(i);
      return null;
    }),
  );
  const packed = { keys: order, json: JSON.stringify([values, absent]) };
  // The brand is a type only; this is the one place that makes a PackedRows.
  return packed as PackedRows<T>;
}

/** The rows as they were packed: a key whose value was absent stays absent. */
export function unpackRows<T extends object>({ keys, json }: PackedRows<T>): T[] {
  const [values, absent] = JSON.parse(json) as [unknown[][], Record<number, number[] | undefined>];
  return values.map((row, r) => {
    const out: Record<string, unknown> = {};
    const lacks = absent[r];
    for (let i = 0; i < keys.length; i++) if (!lacks?.includes(i)) out[keys[i]] = row[i];
    // The values were read from a T under these keys by packRows.
    return out as T;
  });
}
