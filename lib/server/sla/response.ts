import "server-only";
import type { Tx } from "@/lib/db";
import { scheduleOf } from "@/lib/domain/sla/policy";
import { stopTimer } from "@/lib/domain/sla/timer";
import { refreshSlaDueOf } from "../tables/case";
import { stopTimers } from "../tables/case-sla";
import { recordDueBreaches } from "./breaches";
import { readSlaPolicy } from "./policy";

/**
 * NOT-5: an agent's additional comment answers the customer — on one case (the composer), or on many
 * at once (Notify Customers, PRO-3; a major case's comment copied to its children, MAJ-5): the
 * response timers still counting stop: 2,000 a statement, each with its own counted time (cases
 * opened at different times were one statement each), and the cases' due times one more — never a
 * statement per case (PERF-3). Returns how many timers stopped.
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
  await recordDueBreaches(tx, rows, now);
  const { hours } = await readSlaPolicy(tx);
  const stopped = rows.map((r) => ({
    id: r.id,
    elapsedMs: stopTimer(scheduleOf(r.clock, hours), r, now).elapsedMs,
  }));
  await stopTimers(tx, stopped, now);
  await refreshSlaDueOf(tx, [...new Set(rows.map((r) => r.caseId))]);
  return rows.length;
}
