import "server-only";
import type { Tx } from "@/lib/db";
import type { FieldChange } from "@/lib/domain/audit/diff";
import type { ImportKind } from "@/lib/domain/directory/import/columns";
import type { CellError } from "@/lib/domain/directory/import/rows";

/** What the import will do with a row (SET-3), as the preview shows it. */
export type Outcome = "create" | "update" | "unchanged" | "error";

export type PlannedRow = {
  row: number;
  outcome: Outcome;
  /** The record the row is about: the account's name, the person's email, the asset's name. */
  label: string;
  /** For an update: "Phone: (empty) → +1 555 0100". */
  changes?: string[];
  errors?: CellError[];
};

/** A row to write: what to create, or which record to change and how (audited field by field). */
export type Write<New> =
  | { row: number; kind: "create"; data: New }
  | { row: number; kind: "update"; id: number; version: number; changes: FieldChange[]; data: Partial<New> };

export type Plan<New> = { rows: PlannedRow[]; writes: Write<New>[] };

/** A plan is made with the app's client (preview) or inside the import's transaction (Import). */
export type Reader = Pick<Tx, "account" | "user" | "asset" | "accountRelationship">;

/**
 * SET-2: inside the import's transaction, the accounts a file adds people or assets to are locked
 * before they are read (PostgreSQL), as the page's Add contact does: a deactivation committed
 * meanwhile is seen (the rows are refused), one started meanwhile waits and then deactivates the
 * contacts just added with the rest. The preview locks nothing.
 */
export type LockAccounts = (ids: number[]) => Promise<void>;

export type Progress = (p: { phase: "check" | "write"; done: number; total: number }) => void;

export type ImportInput = { kind?: unknown; csv?: unknown };
export type Counts = Record<Outcome, number>;
export type ImportResult = {
  kind: ImportKind;
  counts: Counts;
  rows: PlannedRow[];
  ignoredColumns: string[];
  committed: boolean;
};

/** "Name: Acme → Acme Corp" lines of an update, as the preview shows them. */
export const changeLines = (changes: FieldChange[], label: (field: string) => string) =>
  changes.map((c) => `${label(c.field)}: ${c.oldValue ?? "(empty)"} → ${c.newValue ?? "(empty)"}`);

/**
 * Rows that repeat an earlier row's key (an email, a number, a name) are refused naming it; a
 * refused row is labelled as the file writes it (`labelOf`), not by its key, which may be folded.
 */
export function firstOfEach<T extends { row: number }>(
  rows: T[],
  keyOf: (r: T) => string | null,
  column: string,
  what: string,
  labelOf: (r: T) => string,
): { kept: T[]; refused: PlannedRow[] } {
  const seen = new Map<string, number>();
  const kept: T[] = [];
  const refused: PlannedRow[] = [];
  for (const r of rows) {
    const key = keyOf(r);
    const first = key === null ? undefined : seen.get(key);
    if (first !== undefined)
      refused.push({
        row: r.row,
        outcome: "error",
        label: labelOf(r),
        errors: [{ column, message: `This ${what} is already in row ${first}; a file names each once.` }],
      });
    else {
      if (key !== null) seen.set(key, r.row);
      kept.push(r);
    }
  }
  return { kept, refused };
}
