import "server-only";
import { db } from "@/lib/db";
import { canReadCases, type Actor } from "@/lib/domain/auth/roles";
import { forbidden } from "@/lib/domain/errors";
import { timerText } from "@/lib/domain/sla/format";
import { scheduleOf, SLA_KIND_LABEL, type SlaKind } from "@/lib/domain/sla/policy";
import { timerStatus } from "@/lib/domain/sla/timer";
import { hoursOf } from "./policy";

/**
 * NOT-5: the case's SLAs as the case page shows them: one query, and the business hours only when
 * a timer counts in them and still runs.
 */
export async function caseSlas(actor: Actor, caseId: number, now = new Date()) {
  if (!canReadCases(actor)) throw forbidden();
  const rows = await db().caseSla.findMany({ where: { caseId }, orderBy: { kind: "desc" } });
  const needsHours = rows.some((r) => r.clock === "hours" && !r.stoppedAt);
  const hoursRow = needsHours ? await db().slaHours.findUnique({ where: { id: 1 } }) : null;
  const hours = hoursRow ? hoursOf(hoursRow) : null;
  return rows.map((r) => {
    const { status, leftMs } = timerStatus(scheduleOf(r.clock, hours), r, now);
    return {
      kind: r.kind,
      label: SLA_KIND_LABEL[r.kind as SlaKind] ?? r.kind,
      status,
      text: timerText(status, leftMs),
      dueIso: r.dueAt?.toISOString() ?? null,
    };
  });
}
