// REL-1: numbers that arrive as form text — record ids, versions, orders — read one way everywhere.
import { z } from "zod";

/** Ids and versions are 32-bit integers in both databases. */
export const MAX_INT = 2_147_483_647;

/** Form values arrive as text: "" (and null) mean "none". */
const blankToNull = (v: unknown) => (v === "" || v === null ? null : v);

/**
 * REL-1: a number in a form (an id, a version, an order) is decimal digits and nothing else.
 * Number() alone reads `0x1`, `1e0`, ` 1`, `+1` and `1.0` all as 1 (and " " as 0), so one record
 * had many spellings; here any other text stays text, and the number schema refuses it by name.
 */
const DECIMAL = /^\d{1,15}$/;
export const decimalText = (v: unknown) => (typeof v === "string" && DECIMAL.test(v) ? Number(v) : v);

/**
 * A choice value from a form: decimal digits with an optional minus — a change's states are
 * -5…0 (ServiceNow's values) — and nothing else; the choice list then decides.
 */
const CHOICE_NUMBER = /^-?\d{1,15}$/;
export const choiceNumberText = (v: unknown) =>
  typeof v === "string" && CHOICE_NUMBER.test(v) ? Number(v) : v;

/**
 * The one way a number schema reads a form's text (decimalText first): `formNumber(z.number()…)`
 * for ids, versions and orders that need their own messages or range.
 */
export const formNumber = <S extends z.ZodType>(schema: S) => z.preprocess(decimalText, schema);

/**
 * A record id from a form field, a bound argument or a URL outside a schema: a whole number in
 * 1…MAX_INT, given as a number or as decimal digits (decimalText) — else null, which callers
 * answer like a missing record.
 */
export function recordId(value: unknown): number | null {
  const n = decimalText(value);
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= MAX_INT ? n : null;
}

/** A reference to another record by id: blank means none. */
export const optionalId = (label: string) => {
  const message = `${label} is not a valid reference.`;
  return z
    .preprocess(
      (v) => decimalText(blankToNull(v)),
      z.number({ error: message }).int(message).positive(message).max(MAX_INT, message).nullable(),
    )
    .optional();
};

/** A reference to another record by id that must be given. */
export const requiredId = (label: string) =>
  optionalId(label)
    .refine((v) => v !== null && v !== undefined, `${label} is required.`)
    .transform((v) => Number(v));

const badVersion = "The form's version is not valid; reload the page.";
/** Optimistic concurrency: the version the editor loaded (REC-6). */
export const versionField = formNumber(
  z
    .number({
      error: (iss) =>
        iss.input === undefined ? "The form is missing its version; reload the page." : badVersion,
    })
    .int(badVersion)
    .positive(badVersion)
    .max(MAX_INT, badVersion),
);
