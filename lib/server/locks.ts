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
  /** INC-5, ADM-2: Priority Data Lookup saves, one at a time (each checks every row's coverage). */
  priorityLookup: 0x43460003,
  /** ITSM-1: standard change template saves, one at a time (each checks that no other has its name). */
  changeTemplates: 0x43460004,
  /**
   * REL-6, NOT-3: the messages of one sender, one at a time (takeTurnsOn with the address): a
   * follow-up delivered while the message it follows was still opening its case saw no such message
   * and opened a second case.
   */
  inboundSender: 0x43460005,
  /**
   * ADM-2, ITSM-5: an admin's switch (a plugin, a business rule), one at a time: each reads the
   * switch, then writes and audits it — two clicks at once audited one change twice, and the
   * first insert of a switch's row raced (a unique-key 500).
   */
  adminSwitches: 0x43460006,
} as const;
