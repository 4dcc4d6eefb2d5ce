// Not marked server-only: the breach job (lib/server/jobs/sla.ts) reads it from instrumentation.
import type { Tx } from "@/lib/db";
import { oncePerTransaction } from "../transaction-memo";
import type { SlaClockKind, SlaHours, SlaPolicy } from "@/lib/domain/sla/policy";
import type { Weekday } from "@/lib/domain/sla/schedule";

type TargetRow = { priority: unknown; responseMinutes: unknown; resolutionMinutes: unknown; clock: string };
type HoursRow = { days: string; startMinute: unknown; endMinute: unknown; timeZone: string };
const intOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * NOT-5: the targets per priority and the business hours, as the admin left them (two small
 * reads, raw: every case creation and priority change reads them, and a modelled query costs
 * ~0.8 ms of Prisma's query compilation).
 */
export function readSlaPolicy(tx: Tx): Promise<SlaPolicy> {
  return oncePerTransaction(tx, "sla-policy", () => loadSlaPolicy(tx));
}

async function loadSlaPolicy(tx: Tx): Promise<SlaPolicy> {
  const [targets, hours] = await Promise.all([
    tx.$queryRaw<TargetRow[]>`
      SELECT "priority", "responseMinutes", "resolutionMinutes", "clock" FROM "SlaTarget" ORDER BY "priority"`,
    tx.$queryRaw<HoursRow[]>`
      SELECT "days", "startMinute", "endMinute", "timeZone" FROM "SlaHours" WHERE "id" = 1`,
  ]);
  return {
    targets: targets.map((t) => ({
      priority: Number(t.priority),
      responseMinutes: intOrNull(t.responseMinutes),
      resolutionMinutes: intOrNull(t.resolutionMinutes),
      clock: (t.clock === "hours" ? "hours" : "24x7") satisfies SlaClockKind,
    })),
    hours: hours[0]
      ? hoursOf({
          ...hours[0],
          startMinute: Number(hours[0].startMinute),
          endMinute: Number(hours[0].endMinute),
        })
      : null,
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
