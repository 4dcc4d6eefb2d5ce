import "server-only";
import { timerText } from "@/lib/domain/sla/format";
import { formatDateTime } from "@/lib/domain/time-format";
import { scheduleOf, SLA_KIND_LABEL, type SlaHours, type SlaKind } from "@/lib/domain/sla/policy";
import { timerStatus, type TimerReading } from "@/lib/domain/sla/timer";

/**
 * NOT-5: a case's SLA timers as the case page shows them (time left, met, breached), from the rows
 * its read fetched (lib/server/cases/page-read.ts) and the business hours, needed when a timer
 * counts in them (a running one to count, every one to say so).
 */
export function slaLines(
  rows: (TimerReading & { dueAt: Date | null; kind: string; clock: string })[],
  hours: SlaHours | null,
  now = new Date(),
) {
  return rows.map((r) => {
    const schedule = scheduleOf(r.clock, hours);
    const { status, leftMs } = timerStatus(schedule, r, now);
    return {
      kind: r.kind,
      label: SLA_KIND_LABEL[r.kind as SlaKind] ?? r.kind,
      status,
      text: timerText(status, leftMs, schedule.kind === "hours"),
      // The due time in the workspace's zone, as every other time on the page (was UTC ISO text).
      due: r.dueAt && status !== "met" ? formatDateTime(r.dueAt) : null,
    };
  });
}
