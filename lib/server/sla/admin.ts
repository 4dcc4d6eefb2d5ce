import "server-only";
import { db, inTransaction, type Tx } from "@/lib/db";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid, staleRecord } from "@/lib/domain/errors";
import { casePriorities, labelOf } from "@/lib/domain/records/choices";
import {
  hoursTargetRefusal,
  minuteText,
  slaHoursSchema,
  slaTargetSchema,
  type SlaHoursInput,
  type SlaTargetInput,
} from "@/lib/domain/sla/policy";
import { parseOrThrow } from "@/lib/domain/validation";
import { writeAudit } from "../audit/write";
import { hoursOf } from "./policy";
import { recountHoursTimers } from "./rehours";

function assertAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden("Only administrators can change SLAs.");
}

/** NOT-5: /admin/slas — every priority's targets (version 0: never saved) and the business hours. */
export async function listSlaSettings(actor: Actor) {
  assertAdmin(actor);
  const [targets, hours] = await Promise.all([
    db().slaTarget.findMany(),
    db().slaHours.findUnique({ where: { id: 1 } }),
  ]);
  return {
    targets: casePriorities.map((p) => {
      const row = targets.find((t) => t.priority === p.value);
      return {
        priority: p.value,
        label: p.label,
        responseMinutes: row?.responseMinutes ?? null,
        resolutionMinutes: row?.resolutionMinutes ?? null,
        clock: row?.clock === "hours" ? "hours" : "24x7",
        version: row?.version ?? 0,
      };
    }),
    hours: hours
      ? {
          ...hoursOf(hours),
          start: minuteText(hours.startMinute),
          end: minuteText(hours.endMinute),
          version: hours.version,
        }
      : null,
  };
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));

/** NOT-5: business-hours targets fall due within a year of the saved hours (hoursTargetRefusal). */
async function assertWithinHours(
  tx: Tx,
  t: { responseMinutes: number | null; resolutionMinutes: number | null },
) {
  const saved = await tx.slaHours.findUnique({ where: { id: 1 } });
  const hours = saved ? hoursOf(saved) : null;
  for (const [field, label] of [
    ["responseMinutes", "Response target"],
    ["resolutionMinutes", "Resolution target"],
  ] as const) {
    const refusal = hoursTargetRefusal(label, t[field], hours);
    if (refusal) throw invalid(field, refusal);
  }
}

/** NOT-5: one priority's targets; new cases get them, open cases of the priority keep theirs. */
export async function saveSlaTarget(actor: Actor, raw: SlaTargetInput, outer?: Tx) {
  assertAdmin(actor);
  const input = parseOrThrow(slaTargetSchema, raw);
  return inTransaction(outer, async (tx) => {
    const row = await tx.slaTarget.findUnique({ where: { priority: input.priority } });
    if ((row?.version ?? 0) !== (input.version ?? 0)) throw staleRecord("SLA");
    if (input.clock === "hours") await assertWithinHours(tx, input);
    const before = row ?? { responseMinutes: null, resolutionMinutes: null, clock: "24x7" };
    const fields = ["responseMinutes", "resolutionMinutes", "clock"] as const;
    const changes = fields
      .filter((f) => before[f] !== input[f])
      .map((f) => ({
        field: `priority ${input.priority}.${f}`,
        oldValue: text(before[f]),
        newValue: text(input[f]),
      }));
    if (!changes.length) return { changed: false, moved: 0 };
    const data = {
      responseMinutes: input.responseMinutes,
      resolutionMinutes: input.resolutionMinutes,
      clock: input.clock,
    };
    if (row) {
      const { count } = await tx.slaTarget.updateMany({
        where: { priority: input.priority, version: row.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count !== 1) throw staleRecord("SLA");
    } else await tx.slaTarget.create({ data: { priority: input.priority, ...data } });
    await writeAudit(tx, "sla_target", input.priority, changes, actor);
    return { changed: true };
  });
}

/** NOT-5: the business hours SLAs counted in "Business hours" use. */
export async function saveSlaHours(actor: Actor, raw: SlaHoursInput, outer?: Tx) {
  assertAdmin(actor);
  const input = parseOrThrow(slaHoursSchema, raw);
  return inTransaction(outer, async (tx) => {
    const row = await tx.slaHours.findUnique({ where: { id: 1 } });
    if ((row?.version ?? 0) !== (input.version ?? 0)) throw staleRecord("business hours");
    const data = {
      days: input.days.join(","),
      startMinute: input.start,
      endMinute: input.end,
      timeZone: input.timeZone,
    };
    const changes = (Object.keys(data) as (keyof typeof data)[])
      .filter((k) => !row || row[k] !== data[k])
      .map((k) => ({ field: k, oldValue: row ? text(row[k]) : null, newValue: text(data[k]) }));
    if (!changes.length) return { changed: false };
    // The priorities counted in business hours must still fall due within a year of the new ones.
    for (const t of await tx.slaTarget.findMany({
      where: { clock: "hours" },
      orderBy: { priority: "asc" },
    })) {
      const name = labelOf(casePriorities, t.priority);
      for (const [minutes, kind] of [
        [t.resolutionMinutes, "Resolution"],
        [t.responseMinutes, "Response"],
      ] as const) {
        const refusal = hoursTargetRefusal(`Priority ${name}'s ${kind} target`, minutes, hoursOf(data));
        if (refusal) throw invalid("end", refusal);
      }
    }
    if (row) {
      const { count } = await tx.slaHours.updateMany({
        where: { id: 1, version: row.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count !== 1) throw staleRecord("business hours");
    } else await tx.slaHours.create({ data: { id: 1, ...data } });
    await writeAudit(tx, "sla_hours", 1, changes, actor);
    // The running timers counted in business hours move to the new ones (their due times).
    const version = row ? row.version + 1 : 1; // as just written (a new row starts at 1)
    const moved = await recountHoursTimers(tx, row ? hoursOf(row) : null, { ...hoursOf(data), version });
    return { changed: true, moved };
  });
}
