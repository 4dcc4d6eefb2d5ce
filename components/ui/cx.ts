/**
 * Joins class-name pieces, skipping the falsy ones (`cx("a b", on && "c")`), so that a long or
 * conditional Tailwind class list can be written as several short strings with every class token
 * whole (Tailwind's source scanner finds tokens, not the joined string). Hand-written rather than
 * `clsx`: four lines, no objects or arrays needed.
 */
export function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}
