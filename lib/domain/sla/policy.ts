// NOT-5: what an admin sets at /admin/slas — per case priority a response and a resolution target,
// each priority counted around the clock or in the business hours — and what it means for a case.
import { z } from "zod";
import { casePriorities, CaseState, OPEN_CASE_STATES } from "../records/choices";
import { formNumber, MAX_INT } from "../validation";
import { ALWAYS, isTimeZone, type SlaSchedule, type Weekday } from "./schedule";

export const SLA_KINDS = ["response", "resolution"] as const;
export type SlaKind = (typeof SLA_KINDS)[number];
export const SLA_KIND_LABEL: Record<SlaKind, string> = { response: "Response", resolution: "Resolution" };

export const SLA_CLOCKS = [
  { value: "24x7", label: "24×7" },
  { value: "hours", label: "Business hours" },
] as const;
export type SlaClockKind = (typeof SLA_CLOCKS)[number]["value"];

export type SlaHours = { days: Weekday[]; startMinute: number; endMinute: number; timeZone: string };
export type SlaTargetRow = {
  priority: number;
  responseMinutes: number | null;
  resolutionMinutes: number | null;
  clock: SlaClockKind;
};
export type SlaPolicy = {
  targets: SlaTargetRow[];
  hours: SlaHours | null;
  /** The business hours' version (0: none saved): each timer notes the one it was counted in. */
  hoursVersion: number;
};

/** The schedule a timer with this clock counts in (business hours not set yet: around the clock). */
export function scheduleOf(clock: string, hours: SlaHours | null): SlaSchedule {
  return clock === "hours" && hours ? { kind: "hours", ...hours } : ALWAYS;
}

/** The targets (ms) a case of `priority` gets, per kind; none when the admin set none. */
export function targetsFor(
  policy: SlaPolicy,
  priority: number,
): { kind: SlaKind; ms: number; clock: SlaClockKind }[] {
  const row = policy.targets.find((t) => t.priority === priority);
  if (!row) return [];
  const out: { kind: SlaKind; ms: number; clock: SlaClockKind }[] = [];
  if (row.responseMinutes) out.push({ kind: "response", ms: row.responseMinutes * 60_000, clock: row.clock });
  if (row.resolutionMinutes)
    out.push({ kind: "resolution", ms: row.resolutionMinutes * 60_000, clock: row.clock });
  return out;
}

/**
 * The targets that start counting on a case in `state` (NOT-5): the response counts from New only (a
 * case made Open — a major case — has no response to wait for), the resolution while the case is
 * open; a Resolved, Closed or Cancelled case starts none.
 */
export function targetsStartingIn(policy: SlaPolicy, priority: number, state: number) {
  if (!OPEN_CASE_STATES.includes(state)) return [];
  return targetsFor(policy, priority).filter((t) => t.kind === "resolution" || state === CaseState.New);
}

const MAX_MINUTES = 365 * 24 * 60;
const minutes = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? null : Number(v)),
    z
      .number({ error: `${label} must be a number of minutes.` })
      .int(`${label} must be a whole number of minutes.`)
      .min(1, `${label} must be at least 1 minute (leave it empty for none).`)
      .max(MAX_MINUTES, `${label} must be at most a year.`)
      .nullable(),
  );

/** 0 for targets nobody saved yet (REC-6 applies from their first save). */
const slaVersion = formNumber(
  z.number({ error: "The form's version is not valid; reload the page." }).int().min(0).max(MAX_INT),
).optional();

export const slaTargetSchema = z
  .object({
    priority: formNumber(
      z
        .number({ error: "Priority is not valid." })
        .refine((p) => casePriorities.some((c) => c.value === p), "Priority is not valid."),
    ),
    responseMinutes: minutes("Response target"),
    resolutionMinutes: minutes("Resolution target"),
    clock: z.enum(["24x7", "hours"], { error: "Counted must be 24×7 or Business hours." }),
    version: slaVersion,
  })
  .refine(
    // The first answer cannot be due after the solution: a response target past the resolution's
    // would only ever breach after the case is resolved (and met the resolution).
    (t) => !t.responseMinutes || !t.resolutionMinutes || t.responseMinutes <= t.resolutionMinutes,
    {
      path: ["resolutionMinutes"],
      message: "Resolution target must be at least the response target.",
    },
  );
export type SlaTargetInput = z.input<typeof slaTargetSchema>;

const clockTime = (label: string) =>
  z
    .string({ error: `${label} must be a time such as 09:00.` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, `${label} must be a time such as 09:00.`)
    .transform((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));

export const slaHoursSchema = z
  .object({
    // "1,2,3,4,5" from the form (one field), or a list.
    days: z.preprocess(
      (v) => (typeof v === "string" ? (v.trim() ? v.split(",") : []) : v),
      z
        .array(formNumber(z.number({ error: "Working days are not valid." }).int().min(1).max(7)))
        .min(1, "Pick at least one working day.")
        .transform((d) => [...new Set(d)].sort() as Weekday[]),
    ),
    start: clockTime("Start"),
    end: clockTime("End"),
    timeZone: z.string().trim().refine(isTimeZone, "Time zone must be an IANA zone such as Europe/Berlin."),
    version: slaVersion,
  })
  // Only when both are times: a Start that is not one has its own error, not one on End.
  .refine((h) => typeof h.start !== "number" || typeof h.end !== "number" || h.end > h.start, {
    path: ["end"],
    message: "End must be after Start.",
  });
export type SlaHoursInput = z.input<typeof slaHoursSchema>;

export const minuteText = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/**
 * A business-hours target falls due within a year: at most the working time the hours give in 52
 * weeks. Past it the due time is years away (09:00–09:01 on Mondays with a year's target: ten thousand
 * years), and counting it out day by day held a case's creation for minutes. The refusal, or null.
 */
export function hoursTargetRefusal(label: string, minutes: number | null, hours: SlaHours | null) {
  if (!minutes || !hours) return null;
  const yearly = hours.days.length * Math.max(0, hours.endMinute - hours.startMinute) * 52;
  if (minutes <= yearly) return null;
  return (
    `${label} of ${minutes.toLocaleString("en")} minutes is more working time than the business hours ` +
    `give in a year (${yearly.toLocaleString("en")} minutes): lower it, widen the hours, or count it 24×7.`
  );
}
