import { db, transaction } from "@/lib/db";
import { TABLE } from "@/lib/domain/records/tables";
import { slaMail } from "@/lib/domain/sla/mail";
import type { SlaKind } from "@/lib/domain/sla/policy";
import { recordUrl } from "../app-url";
import { usersWithKindOn } from "../notifications/preferences";
import { enqueueMails, type OutgoingMail } from "../outbox/write";

// NOT-5: the SLA job. Each pass records, once each, the timers that breached (breachedAt) and those
// about to (warnedAt), and emails the case's assignee (NOT-2 "SLA warnings"). Batched, and safe
// when two passes overlap: a timer is marked by a conditional update (still unmarked), and only
// the rows that update changed are notified. One runner at a time anyway (its JobLease).

export const SLA_JOB = "sla";
export const SLA_BATCH = 500;

type Marked = { id: number; caseId: number; kind: string; dueAt: Date | null };

async function markBatch(event: "warning" | "breach", now: Date, batch: number): Promise<number> {
  const field = event === "breach" ? "breachedAt" : "warnedAt";
  // Due, or within its warning time — counted in working time (warnAt, lib/domain/sla/timer.ts).
  const time = event === "breach" ? "dueAt" : "warnAt";
  // The index on dueAt (warnAt) finds the few due timers among all the open ones.
  const due = await db().caseSla.findMany({
    where: { [time]: { lte: now }, stoppedAt: null, [field]: null },
    select: { id: true },
    orderBy: { [time]: "asc" },
    take: batch,
  });
  if (!due.length) return 0;
  return transaction(async (tx) => {
    // Re-checked here: a re-target since the read above (a new priority) may have moved it out.
    const marked: Marked[] = await tx.caseSla.updateManyAndReturn({
      where: { id: { in: due.map((d) => d.id) }, stoppedAt: null, [field]: null, [time]: { lte: now } },
      data: { [field]: now, ...(event === "breach" ? { warnedAt: now } : {}) },
      select: { id: true, caseId: true, kind: true, dueAt: true },
    });
    const cases = await tx.case.findMany({
      where: { id: { in: marked.map((m) => m.caseId) }, assignedToId: { not: null } },
      select: { id: true, number: true, shortDescription: true, assignedToId: true },
    });
    const people = await usersWithKindOn(tx, [...new Set(cases.map((c) => c.assignedToId!))], "sla");
    // The batch's emails in one statement (a mass breach was one insert per timer).
    const mails: OutgoingMail[] = [];
    for (const m of marked) {
      const c = cases.find((x) => x.id === m.caseId);
      const to = c && people.find((p) => p.id === c.assignedToId);
      if (!c || !to || !m.dueAt) continue;
      const mail = slaMail({
        event,
        kind: m.kind as SlaKind,
        number: c.number,
        shortDescription: c.shortDescription,
        dueAt: m.dueAt,
        link: recordUrl(TABLE.case, c.number),
      });
      mails.push({
        // One email per due time: a timer that runs again (resumed, re-targeted) and is due again
        // warns and breaches again, and its email is not taken for the first one's.
        dedupeKey: `sla:${m.id}:${event}:${m.dueAt.getTime()}:${to.id}`,
        recipient: to.email,
        subject: mail.subject,
        body: mail.body,
        event: `case.sla_${event}`,
        source: { table: TABLE.case, id: c.id },
      });
    }
    await enqueueMails(tx, mails);
    return marked.length;
  });
}

/** One pass: breaches first, then warnings; each in batches until none is left or the lease is lost. */
export async function recordSlaBreaches(
  opts: { now?: Date; batch?: number; stillMine?: () => Promise<boolean> } = {},
): Promise<{ breached: number; warned: number }> {
  const now = opts.now ?? new Date();
  const batch = opts.batch ?? SLA_BATCH;
  const result = { breached: 0, warned: 0 };
  for (const [event, key] of [
    ["breach", "breached"],
    ["warning", "warned"],
  ] as const) {
    for (let n = batch; n === batch;) {
      if (opts.stillMine && !(await opts.stillMine())) return result;
      n = await markBatch(event, now, batch);
      result[key] += n;
    }
  }
  return result;
}
