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
