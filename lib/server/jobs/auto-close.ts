import "server-only";
import { db, transaction } from "@/lib/db";
import { autoCloseCutoff, autoCloseDays, autoCloseNote } from "@/lib/domain/cases/auto-close";
import { PROPERTY, propertyDef } from "@/lib/domain/properties/catalog";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { queueCaseMails } from "../notifications/case-mail";
import { lockCases } from "@/lib/server/tables/case";
import { casesWithIds } from "@/lib/server/tables/case-selection";
import { findDueForAutoClose } from "@/lib/server/tables/case-reads";

// POR-1: closes Resolved cases whose customer has not answered for case_auto_close_days days
// (the rule: lib/domain/cases/auto-close.ts). Batched — a few statements per batch of cases,
// whatever their number — and safe when two runs overlap: each case is closed by a conditional
// UPDATE (still Resolved, and still due when read again under the batch's locks) that returns the
// rows it changed, and only those get their audit rows and work note, so no case is closed,
// audited or noted twice.

export const AUTO_CLOSE_BATCH = 500;
const SYSTEM = "System";

/**
 * Closes one batch: the conditional update decides which cases this run closes. The batch was
 * read before its locks; a case may have changed while the job waited (answered, reopened and
 * resolved again, made a major case), so the whole rule is asked again under the locks.
 */
async function closeBatch(ids: number[], days: number, now: Date, cutoff: Date): Promise<number> {
  return transaction(async (tx) => {
    // PostgreSQL: lock the batch in id order first, so two overlapping runs queue, never deadlock.
    await lockCases(tx, casesWithIds(ids));
    const due = await findDueForAutoClose(cutoff, ids.length, { tx, ids });
    const closed = await tx.case.updateManyAndReturn({
      where: { id: { in: due }, state: CaseState.Resolved },
      data: { state: CaseState.Closed, closedAt: now, version: { increment: 1 } },
      select: { id: true, version: true },
    });
    if (!closed.length) return 0;
    await tx.auditEntry.createMany({
      data: closed.flatMap((c) =>
        [
          { field: "state", oldValue: String(CaseState.Resolved), newValue: String(CaseState.Closed) },
          { field: "closedAt", oldValue: null, newValue: now.toISOString() },
        ].map((f) => ({
          ...f,
          table: TABLE.case,
          recordId: c.id,
          userId: null,
          userName: SYSTEM,
          createdAt: now,
        })),
      ),
    });
    await tx.journalEntry.createMany({
      data: closed.map((c) => ({
        table: TABLE.case,
        recordId: c.id,
        kind: "work_notes",
        body: autoCloseNote(days),
        authorId: null,
        authorName: SYSTEM,
        createdAt: now,
        eventKey: `auto-close:v${c.version}`,
      })),
    });
    // NOT-1: each customer hears that their case closed (set-based, in this transaction).
    await queueCaseMails(
      tx,
      "closed",
      closed.map((c) => c.id),
    );
    return closed.length;
  });
}

/**
 * One run of the job. `stillMine` (the lease) is asked before each batch after the first; the
 * run stops when it says no. Returns what the run did, for JobLease.lastResult.
 */
export async function closeDueCases(
  opts: { now?: Date; batch?: number; stillMine?: () => Promise<boolean> } = {},
): Promise<{ days: number; closed: number }> {
  const now = opts.now ?? new Date();
  const batch = opts.batch ?? AUTO_CLOSE_BATCH;
  const row = await db().systemProperty.findUnique({ where: { name: PROPERTY.autoCloseDays } });
  const days = autoCloseDays(row?.value ?? propertyDef(PROPERTY.autoCloseDays)?.defaultValue);
  const cutoff = autoCloseCutoff(days, now);
  let closed = 0;
  for (let first = true; cutoff; first = false) {
    if (!first && opts.stillMine && !(await opts.stillMine())) break;
    const ids = await findDueForAutoClose(cutoff, batch);
    if (ids.length) closed += await closeBatch(ids, days, now, cutoff);
    if (ids.length < batch) break;
  }
  return { days, closed };
}
