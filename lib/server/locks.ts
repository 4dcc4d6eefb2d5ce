import "server-only";

/**
 * The keys of the advisory locks that make transactions take turns (takeTurns in lib/db.ts), in one
 * place so that no two uses pick the same number by accident.
 */
export const LOCK = {
  /** ADM-3, SET-1: changes that could leave no active administrator, and making the first one. */
  lastAdmin: 0x43460001,
  /** SET-3: imports, one at a time (an import checks many rows, then writes them). */
  import: 0x43460002,
} as const;
