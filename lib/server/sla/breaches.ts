import "server-only";
import type { Tx } from "@/lib/db";
import { TABLE } from "@/lib/domain/records/tables";
import { slaMail } from "@/lib/domain/sla/mail";
import type { SlaKind } from "@/lib/domain/sla/policy";
import { isOverdue, type SlaTimer } from "@/lib/domain/sla/timer";
import { recordUrl } from "../app-url";
import { usersWithKindOn } from "../notifications/preferences";
import { enqueueMails, type OutgoingMail } from "../outbox/write";

// NOT-5 / NOT-2: what a warning or breach, once recorded on a timer, tells the case's assignee —
// for the SLA job (lib/server/jobs/sla.ts) and for a case change that stops or pauses a timer the
// job has not reached yet (recordDueBreaches).

/** A timer just marked: its due time is the one the email names (and the one it is keyed by). */
export type MarkedTimer = { id: number; caseId: number; kind: string; dueAt: Date | null };

/** Queues the emails for timers just marked (one statement for the batch); how many were new. */
export async function queueSlaMails(
  tx: Tx,
  event: "warning" | "breach",
  marked: readonly MarkedTimer[],
): Promise<number> {
  if (!marked.length) return 0;
  const cases = await tx.case.findMany({
    where: { id: { in: [...new Set(marked.map((m) => m.caseId))] }, assignedToId: { not: null } },
    select: { id: true, number: true, shortDescription: true, assignedToId: true },
  });
  const people = await usersWithKindOn(tx, [...new Set(cases.map((c) => c.assignedToId!))], "sla");
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
  return enqueueMails(tx, mails);
}

/**
 * NOT-5: a case change records the breaches of its timers that the job has not recorded yet, and
 * tells the assignee — run on the timers as read, before the change stops, pauses or re-targets
 * them, and again on them as the change left them. Before the change: the job passes once a minute,
 * and a timer due in that minute and then stopped or paused had no due time left for the job to find —
 * never recorded nor emailed, a paused one out of the lists' Breached filter, and a resume later
 * emailed "breached at" the resume time. After it: a lower target set while the case is Awaiting
 * Info is breached at once, and nothing runs for the job to find either. Only breaches: a warning
 * ("due soon") is no news for a timer that stops or pauses now. Conditional (still unmarked), so the
 * job marking the same timer at that moment makes one record and one email.
 */
export async function recordDueBreaches(
  tx: Tx,
  timers: readonly (Pick<SlaTimer, "targetMs" | "elapsedMs" | "runningSince" | "dueAt" | "stoppedAt"> & {
    id: number;
    breachedAt: Date | null;
  })[],
  now: Date,
): Promise<void> {
  const due = timers.filter((t) => !t.breachedAt && isOverdue(t, now));
  if (!due.length) return;
  const marked = await tx.caseSla.updateManyAndReturn({
    where: { id: { in: due.map((t) => t.id) }, breachedAt: null, stoppedAt: null },
    data: { breachedAt: now, warnedAt: now },
    select: { id: true, caseId: true, kind: true, dueAt: true },
  });
  // A running timer breached at its due time; a paused one with a lower target, now.
  await queueSlaMails(
    tx,
    "breach",
    marked.map((m) => ({ ...m, dueAt: m.dueAt ?? now })),
  );
}
