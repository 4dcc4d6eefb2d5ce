import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import type { PriorityRow } from "@/lib/domain/priority/lookup";

/** The Priority Data Lookup rows, in order (INC-5). Nine rows by default. */
export async function loadPriorityRows(tx: Tx = db()): Promise<PriorityRow[]> {
  return tx.priorityLookup.findMany({
    orderBy: [{ order: "asc" }, { impact: "asc" }, { urgency: "asc" }],
    select: { impact: true, urgency: true, priority: true, order: true },
  });
}
