// The date and time fields (appointment windows, a change's planned dates) are typed as wall-clock
// time in the workspace's zone — the zone every page shows times in (TZ, lib/domain/time-format.ts)
// — and submitted as an exact instant with its offset, so the server never guesses a zone. Luxon (a
// maintained library, already the SLA clock's) knows each zone's rules; a wall time that a DST change
// skips (02:30 on a spring-forward night) moves forward by the gap; one a fall-back night repeats is
// the earlier of the two.
import { DateTime } from "luxon";

/** What a datetime-local field holds: "2026-12-01T10:30". */
const WALL = "yyyy-MM-dd'T'HH:mm";

/** The instant `value` as wall time in `zone`, for a datetime-local field; "" for none. */
export function wallTimeOf(value: Date | string | null | undefined, zone: string): string {
  if (!value) return "";
  const at = DateTime.fromJSDate(typeof value === "string" ? new Date(value) : value, { zone });
  return at.isValid ? at.toFormat(WALL) : "";
}

/**
 * The wall time typed in a datetime-local field, read in `zone`, as ISO text with its offset
 * ("2026-12-01T10:30:00.000+01:00"); "" for an empty or unreadable field (the server then says the
 * date is missing or wrong, naming the field).
 */
export function instantOfWallTime(wall: string, zone: string): string {
  if (!wall) return "";
  const at = DateTime.fromISO(wall, { zone });
  if (!at.isValid) return "";
  // A wall time a fall-back night repeats: Luxon picks by today's offset, so the same text meant
  // another instant in July than in December. The earlier of the two, whatever the day.
  const earlier = at.minus({ hours: 1 });
  return (earlier.toFormat(WALL) === at.toFormat(WALL) ? earlier : at).toISO() ?? "";
}
