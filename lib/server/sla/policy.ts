// Not marked server-only: the breach job (lib/server/jobs/sla.ts) reads it from instrumentation.
import type { Tx } from "@/lib/db";
import type { SlaClockKind, SlaHours, SlaPolicy } from "@/lib/domain/sla/policy";
import type { Weekday } from "@/lib/domain/sla/schedule";

/** NOT-5: the targets per priority and the business hours, as the admin left them (two small reads). */
export async function readSlaPolicy(tx: Tx): Promise<SlaPolicy> {
  const [targets, hours] = await Promise.all([
    tx.slaTarget.findMany({ orderBy: { priority: "asc" } }),
    tx.slaHours.findUnique({ where: { id: 1 } }),
  ]);
  return {
    targets: targets.map((t) => ({
      priority: t.priority,
      responseMinutes: t.responseMinutes,
      resolutionMinutes: t.resolutionMinutes,
      clock: (t.clock === "hours" ? "hours" : "24x7") satisfies SlaClockKind,
    })),
    hours: hours ? hoursOf(hours) : null,
  };
}

export function hoursOf(row: {
  days: string;
  startMinute: number;
  endMinute: number;
  timeZone: string;
}): SlaHours {
  return {
    days: row.days
      .split(",")
      .map(Number)
      .filter((d): d is Weekday => d >= 1 && d <= 7),
    startMinute: row.startMinute,
    endMinute: row.endMinute,
    timeZone: row.timeZone,
  };
}
