import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { priorityFor, type PriorityRow } from "@/lib/domain/priority/lookup";

/** The Priority Data Lookup rows, in order (INC-5). Nine rows by default. */
export async function loadPriorityRows(tx: Tx = db()): Promise<PriorityRow[]> {
  return tx.priorityLookup.findMany({
    orderBy: [{ order: "asc" }, { impact: "asc" }, { urgency: "asc" }],
    select: { impact: true, urgency: true, priority: true, order: true },
  });
}

/**
 * INC-5: the priority the lookup gives a record (an incident, a problem, a change) whose impact or
 * urgency changes from `before`; undefined when neither does (the priority is left alone).
 */
export async function priorityOnChange(
  tx: Tx,
  before: { impact: unknown; urgency: unknown },
  impact: number,
  urgency: number,
): Promise<number | undefined> {
  if (impact === before.impact && urgency === before.urgency) return undefined;
  return priorityFor(await loadPriorityRows(tx), impact, urgency);
}
