import "server-only";
import type { Tx } from "@/lib/db";
import { oncePerTransaction } from "../transaction-memo";
import type { SlaClockKind, SlaHours, SlaPolicy } from "@/lib/domain/sla/policy";
import type { Weekday } from "@/lib/domain/sla/schedule";
import { businessHours } from "@/lib/server/tables/sla-hours";
import { allTargets } from "@/lib/server/tables/sla-target";

/**
 * NOT-5: the targets per priority and the business hours, as the admin left them (two small
 * reads, raw: lib/server/tables/sla-target.ts and sla-hours.ts), once per transaction.
 */
export function readSlaPolicy(tx: Tx): Promise<SlaPolicy> {
  return oncePerTransaction(tx, "sla-policy", () => loadSlaPolicy(tx));
}

async function loadSlaPolicy(tx: Tx): Promise<SlaPolicy> {
  const [targets, hours] = await Promise.all([allTargets(tx), businessHours(tx)]);
  return {
    targets: targets.map((t) => ({
      ...t,
      clock: (t.clock === "hours" ? "hours" : "24x7") satisfies SlaClockKind,
    })),
    hours: hours ? hoursOf(hours) : null,
    hoursVersion: hours?.version ?? 0,
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
