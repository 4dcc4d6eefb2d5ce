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

/** A day's working interval [start, end) in UTC milliseconds, or null on a day off. */
function dayInterval(s: Extract<SlaSchedule, { kind: "hours" }>, day: DateTime): [number, number] | null {
  if (!s.days.includes(day.weekday as Weekday)) return null;
  const at = (minute: number) =>
    day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 }).toMillis();
  const start = at(s.startMinute);
  // 24:00 is the next day's midnight, whatever length the day had.
  const end = s.endMinute >= 1440 ? day.plus({ days: 1 }).startOf("day").toMillis() : at(s.endMinute);
  return end > start ? [start, end] : null;
}

/** The working intervals that overlap [from, to), clipped to it, in order. */
function* intervals(s: SlaSchedule, from: number, to: number): Generator<[number, number]> {
  if (to <= from) return;
  if (s.kind === "24x7") {
    yield [from, to];
    return;
  }
  // A day before `from`'s local day too: an interval may not end at midnight in every case.
  let day = DateTime.fromMillis(from, { zone: s.timeZone }).startOf("day").minus({ days: 1 });
  for (;;) {
    const span = dayInterval(s, day);
    if (span) {
      const [a, b] = [Math.max(span[0], from), Math.min(span[1], to)];
      if (a < b) yield [a, b];
      if (span[0] >= to) return;
    } else if (day.toMillis() >= to) return;
    day = day.plus({ days: 1 });
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
  // Working time comes back within a week, so each pass of eight days moves forward.
  for (let from = start.getTime(); ; from += 8 * 86_400_000) {
    for (const [a, b] of intervals(s, from, from + 8 * 86_400_000)) {
      if (b - a >= left) return new Date(a + left);
      left -= b - a;
    }
  }
}
