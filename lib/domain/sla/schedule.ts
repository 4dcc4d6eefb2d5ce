// NOT-5: the time an SLA counts — around the clock, or a schedule's working hours on its weekdays in
// its time zone. Wall-clock arithmetic in a zone (weekdays, "09:00" on a day whose clocks jump) is
// Luxon's, a maintained library, rather than hand-made offset arithmetic: a DST change moves an
// hour in or out of a working day, and only the zone's rules know when.
import { DateTime, IANAZone } from "luxon";

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type SlaSchedule =
  | { kind: "24x7" }
  | {
      kind: "hours";
      timeZone: string;
      days: readonly Weekday[];
      /** Minutes after local midnight: 540 = 09:00. */
      startMinute: number;
      /** Minutes after local midnight, after startMinute: 1020 = 17:00. */
      endMinute: number;
    };

export const ALWAYS: SlaSchedule = { kind: "24x7" };

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

type Hours = Extract<SlaSchedule, { kind: "hours" }>;
type Day = { span: [number, number] | null; next: number };

/** A day's working interval [start, end) in UTC milliseconds, or null on a day off. */
function dayInterval(s: Hours, day: DateTime): [number, number] | null {
  if (!s.days.includes(day.weekday as Weekday)) return null;
  const at = (minute: number) =>
    day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 }).toMillis();
  const start = at(s.startMinute);
  // 24:00 is the next day's midnight, whatever length the day had.
  const end = s.endMinute >= 1440 ? day.plus({ days: 1 }).startOf("day").toMillis() : at(s.endMinute);
  return end > start ? [start, end] : null;
}

/**
 * Each local day a schedule has walked — its working interval and the next day's start — by the
 * day's start (UTC ms), kept with the schedule object. Walking the same weeks for every timer (new
 * business hours recount them all; a due time a month away walks 30 days) asked Luxon for each day
 * of each timer: 0.3 to 2 ms a timer, minutes for 100,000. Now a day is worked out once per schedule.
 */
const walked = new WeakMap<Hours, Map<number, Day>>();
function dayAt(s: Hours, start: number): Day {
  let days = walked.get(s);
  if (!days) walked.set(s, (days = new Map<number, Day>()));
  let day = days.get(start);
  if (!day) {
    const local = DateTime.fromMillis(start, { zone: s.timeZone });
    day = { span: dayInterval(s, local), next: local.plus({ days: 1 }).toMillis() };
    days.set(start, day);
  }
  return day;
}

/** The working intervals that overlap [from, to), clipped to it, in order. */
function* intervals(s: SlaSchedule, from: number, to: number): Generator<[number, number]> {
  if (to <= from) return;
  if (s.kind === "24x7") {
    yield [from, to];
    return;
  }
  // A day before `from`'s local day too: an interval may not end at midnight in every case.
  let day = DateTime.fromMillis(from, { zone: s.timeZone }).startOf("day").minus({ days: 1 }).toMillis();
  for (;;) {
    const { span, next } = dayAt(s, day);
    if (span) {
      const [a, b] = [Math.max(span[0], from), Math.min(span[1], to)];
      if (a < b) yield [a, b];
      if (span[0] >= to) return;
    } else if (day >= to) return;
    day = next;
  }
}

/** Working milliseconds between two instants (0 when `to` is not after `from`). */
export function workingTimeBetween(s: SlaSchedule, from: Date, to: Date): number {
  let total = 0;
  for (const [a, b] of intervals(s, from.getTime(), to.getTime())) total += b - a;
  return total;
}

/** The instant `ms` working milliseconds after `start` (`start` itself for 0 or less). */
export function addWorkingTime(s: SlaSchedule, start: Date, ms: number): Date {
  if (ms <= 0) return start;
  if (s.kind === "24x7") return new Date(start.getTime() + ms);
  if (s.days.length === 0 || s.endMinute <= s.startMinute)
    throw new Error("The schedule has no working time.");
  let left = ms;
  // Working time comes back within a week (a working day, a span after its start): the walk ends.
  for (const [a, b] of intervals(s, start.getTime(), Infinity)) {
    if (b - a >= left) return new Date(a + left);
    left -= b - a;
  }
  throw new Error("The schedule has no working time.");
}
