import "server-only";
import { invalid } from "@/lib/domain/errors";

/** What a record made from a case by a keyed click is looked up with (its `requestKey`). */
export const CLICK_MADE = { number: true, case: { select: { number: true } } } as const;

/**
 * REL-2: the answer to a click whose key already made its record (Create Work Order, Create
 * Request): that record, not a second one — or null when the key made nothing yet. A key that made
 * a record of another case is refused (a stale or forged form).
 */
export function madeByClick(
  earlier: { number: string; case: { number: string } | null } | null,
  caseNumber: string,
): { caseNumber: string; number: string; created: false } | null {
  if (!earlier) return null;
  if (earlier.case?.number !== caseNumber)
    throw invalid("requestKey", "The request key is not valid; reload the page.");
  return { caseNumber, number: earlier.number, created: false };
}
