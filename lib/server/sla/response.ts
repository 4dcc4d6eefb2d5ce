import "server-only";
import type { Tx } from "@/lib/db";
import { scheduleOf } from "@/lib/domain/sla/policy";
import { stopTimer } from "@/lib/domain/sla/timer";
import { refreshSlaDueOf, stopTimersAt } from "../tables/case";
import { readSlaPolicy } from "./policy";

/**
 * NOT-5: an agent's additional comment answers the customer — on one case (the composer), or on many
 * at once (Notify Customers, PRO-3; a major case's comment copied to its children, MAJ-5): the
 * response timers still counting stop. Timers started together (a batch of proactive cases) have
 * counted the same time, so each group of equal time is one statement, and the cases' due times one
 * more — never a statement per case (PERF-3). Returns how many timers stopped.
 */
export async function stopResponseSlas(
  tx: Tx,
  caseIds: readonly number[],
  now = new Date(),
): Promise<number> {
  if (!caseIds.length) return 0;
  const rows = await tx.caseSla.findMany({
    where: { caseId: { in: [...caseIds] }, kind: "response", stoppedAt: null },
  });
  if (!rows.length) return 0;
  const { hours } = await readSlaPolicy(tx);
  const byElapsed = new Map<number, number[]>();
  for (const r of rows) {
    const { elapsedMs } = stopTimer(scheduleOf(r.clock, hours), r, now);
    byElapsed.set(elapsedMs, [...(byElapsed.get(elapsedMs) ?? []), r.id]);
  }
  for (const [elapsedMs, ids] of byElapsed) await stopTimersAt(tx, ids, elapsedMs, now);
  await refreshSlaDueOf(tx, [...new Set(rows.map((r) => r.caseId))]);
  return rows.length;
}
