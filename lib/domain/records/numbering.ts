// REC-1: human numbers, unique per table. The counter row holds the last number handed out.
export const NUMBERING = {
  account: { prefix: "ACC", first: 1 },
  asset: { prefix: "AST", first: 1 },
  case: { prefix: "CS", first: 1001 },
  incident: { prefix: "INC", first: 10001 },
  problem: { prefix: "PRB", first: 40001 },
  change: { prefix: "CHG", first: 30001 },
  request: { prefix: "REQ", first: 10001 },
  workOrder: { prefix: "WO", first: 10001 },
  workOrderTask: { prefix: "WOT", first: 10001 },
} as const;
export type NumberedRecord = keyof typeof NUMBERING;

export const NUMBER_DIGITS = 7;

export function formatNumber(kind: NumberedRecord, n: number): string {
  return NUMBERING[kind].prefix + String(n).padStart(NUMBER_DIGITS, "0");
}

/** The numeric part of a number of this kind, or null when it is not one. */
export function parseNumber(kind: NumberedRecord, text: string): number | null {
  const { prefix } = NUMBERING[kind];
  const m = new RegExp(`^${prefix}(\\d{${NUMBER_DIGITS},})$`, "i").exec(text.trim());
  return m ? Number(m[1]) : null;
}

/**
 * Whether `text` could occur inside a number of this kind (its prefix and then digits), ignoring
 * case as both databases' case-insensitive LIKE does for the characters a number holds. A search
 * for other text ("VPN", "printer") need not test the number column at all: on PostgreSQL each
 * such test lowercases the row's text, ~0.7 µs a row (PERF-8). Saying yes wrongly only costs
 * time; saying no wrongly would lose matches. So besides ASCII, the only two characters that
 * PostgreSQL's lower() turns into an ASCII letter or digit under C.UTF-8 (every code point
 * checked, PostgreSQL 15) are folded: U+0130 (to i) and U+212A, the Kelvin sign (to k).
 */
export function mayBeInNumber(kind: NumberedRecord, text: string): boolean {
  const { prefix } = NUMBERING[kind];
  const upper = text.replace(/[a-z\u0130\u212a]/g, (c) => FOLD[c] ?? c.toUpperCase());
  if (prefix.includes(upper)) return true; // a part of the prefix ("S" of "CS")
  const split = /^(\D*)(\d+)$/.exec(upper); // the prefix's end, then digits ("S00", "5001", "CS50")
  return split !== null && prefix.endsWith(split[1]);
}
const FOLD: Record<string, string> = { "\u0130": "I", "\u212a": "K" };
