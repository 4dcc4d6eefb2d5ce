import "server-only";
// "SlaHours": the business hours of the SLA clock (NOT-5), one row (id 1).
import type { Tx } from "@/lib/db";

type HoursRow = {
  days: string;
  startMinute: unknown;
  endMinute: unknown;
  timeZone: string;
  version: unknown;
};

export type SlaHoursRow = {
  days: string;
  startMinute: number;
  endMinute: number;
  timeZone: string;
  version: number;
};

/** NOT-5: the business hours as the admin left them, or null when none are set (raw, as allTargets). */
export async function businessHours(tx: Tx): Promise<SlaHoursRow | null> {
  const hours = await tx.$queryRaw<HoursRow[]>`
      SELECT "days", "startMinute", "endMinute", "timeZone", "version" FROM "SlaHours" WHERE "id" = 1`;
  return hours[0]
    ? {
        ...hours[0],
        startMinute: Number(hours[0].startMinute),
        endMinute: Number(hours[0].endMinute),
        version: Number(hours[0].version),
      }
    : null;
}
