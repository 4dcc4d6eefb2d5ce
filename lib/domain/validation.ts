// Input validation helpers shared by server actions, services and (later) the REST API.
// Every message names the field it is about (REL-1).
import { z } from "zod";
import { invalid, invalidFields, notFound } from "./errors";
import { choiceNumberText } from "./form-numbers";
import { isChoice, type Choice } from "./records/choices";
import { clipText } from "./unicode";

// Numbers from forms (ids, versions) are read in form-numbers.ts; they are part of this toolbox.
export {
  choiceNumberText,
  decimalText,
  formNumber,
  MAX_INT,
  optionalId,
  recordId,
  requiredId,
  versionField,
} from "./form-numbers";

/** A form key: a retry of one submission (double click, network retry) writes once. */
export const formKey = z
  .string({ error: "The form is missing its key; reload the page." })
  .trim()
  .min(1, "The form is missing its key; reload the page.")
  .max(100, "Invalid form key; reload the page.")
  .regex(/^[\w-]+$/, "Invalid form key; reload the page.");

/** What a form (or any caller) hands a service: the schema's fields, each of any shape until parsed. */
export type FormInput<S extends z.ZodType> = { [K in keyof z.input<S>]?: unknown };

export const LIMITS = { shortDescription: 160, description: 8000, notes: 8000, name: 200 } as const;

/**
 * Control characters other than tab, newline and carriage return (C0, DEL, C1). PostgreSQL
 * refuses U+0000 in text outright, and none of them belongs in what a person types.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** "U+000A" for a character, as messages name one that cannot be shown. */
const codePoint = (ch: string) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

/** "U+0000" for the first control character in `text`, or null when there is none. */
export function controlCharacterIn(text: string): string | null {
  const found = CONTROL_CHARACTER.exec(text);
  return found ? codePoint(found[0]) : null;
}

/** `text` without its control characters: search boxes, where a stray one must not reach the database. */
export const withoutControlCharacters = (text: string) =>
  text.replace(new RegExp(CONTROL_CHARACTER.source, "g"), "");

export const controlCharacterMessage = (label: string, code: string) =>
  `${label} contains a control character (${code}); remove it and try again.`;

/** Throws a field error when `text` holds a control character. */
export function refuseControlCharacters(text: string, field: string, label: string): string {
  const code = controlCharacterIn(text);
  if (code) throw invalid(field, controlCharacterMessage(label, code));
  return text;
}

const tooLong = (label: string, max: number, input: unknown) => {
  const length = typeof input === "string" ? input.trim().length : 0;
  return `${label} must be at most ${max.toLocaleString("en")} characters (it has ${length.toLocaleString("en")}).`;
};

/** Text as typed: a string without control characters. */
export const plainText = (label: string) =>
  // A field left out (a Table API body without it) is missing, not the wrong type.
  z
    .string({
      error: (iss) => (iss.input === undefined ? `${label} is required.` : `${label} must be text.`),
    })
    .superRefine((v, ctx) => {
      const code = controlCharacterIn(v);
      if (code) ctx.addIssue({ code: "custom", message: controlCharacterMessage(label, code), abort: true });
    });

export const requiredText = (label: string, max: number) =>
  plainText(label)
    .trim()
    .min(1, `${label} is required.`)
    .max(max, { error: (iss) => tooLong(label, max, iss.input) });

/** A tab or line break inside a name (U+0009, U+000A, U+000D, U+2028, U+2029). */
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;

/**
 * A name: one line of text (an account, a person, a group, an asset). A tab or line break inside it
 * is refused: names stand in one-line places (lists, pickers, email headers); around it, trimmed.
 */
export const requiredLine = (label: string, max: number) =>
  plainText(label)
    .trim()
    .superRefine((v, ctx) => {
      const found = LINE_BREAK.exec(v);
      if (found) {
        const what = found[0] === "\t" ? "a tab" : "a line break";
        ctx.addIssue({
          code: "custom",
          message: `${label} must be one line: remove ${what} (${codePoint(found[0])}).`,
          abort: true,
        });
      }
    })
    .min(1, `${label} is required.`)
    .max(max, { error: (iss) => tooLong(label, max, iss.input) });

export const optionalText = (label: string, max: number) =>
  plainText(label)
    .trim()
    .max(max, { error: (iss) => tooLong(label, max, iss.input) });

/** Form values arrive as text: "" (and null) mean "none"; decimal digits become numbers (form-numbers.ts). */
const blankToNull = (v: unknown) => (v === "" || v === null ? null : v);

/** "true" or "false" from a form (a switch's new value); a boolean from code is taken as it is. */
export const booleanText = (label: string) =>
  z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], {
    error: `${label} must be true or false.`,
  });

const oneOf = (label: string, choices: readonly Choice<number | string>[]) =>
  `${label} must be one of: ${choices.map((c) => c.label).join(", ")}.`;

/** A numeric choice value (state, priority…), typed as the list's values. */
export const numberChoice = <V extends number>(label: string, choices: readonly Choice<V>[]) =>
  z.preprocess(
    (v) => choiceNumberText(v === "" || v === null ? undefined : v),
    z
      .number({ error: (iss) => (iss.input === undefined ? `${label} is required.` : oneOf(label, choices)) })
      .refine((v): v is V => isChoice(choices, v), { error: oneOf(label, choices) }),
  );

export const optionalNumberChoice = (label: string, choices: readonly Choice<number>[]) =>
  z
    .preprocess(
      (v) => choiceNumberText(blankToNull(v)),
      z
        .number({ error: oneOf(label, choices) })
        .refine((v) => isChoice(choices, v), { error: oneOf(label, choices) })
        .nullable(),
    )
    .optional();

/** A string choice value (state, channel…), typed as the list's values. */
export const stringChoice = <V extends string>(label: string, choices: readonly Choice<V>[]) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `${label} is required.` : oneOf(label, choices)) })
    .refine((v): v is V => isChoice(choices, v), { error: oneOf(label, choices) });

export const optionalStringChoice = (label: string, choices: readonly Choice<string>[]) =>
  z
    .preprocess(
      blankToNull,
      z
        .string({ error: oneOf(label, choices) })
        .refine((v) => isChoice(choices, v), { error: oneOf(label, choices) })
        .nullable(),
    )
    .optional();

/** Dates people plan with: 1900-01-01 … 2200-12-31 (UTC). */
export const DATE_RANGE = {
  min: new Date("1900-01-01T00:00:00Z"),
  max: new Date("2200-12-31T23:59:59.999Z"),
};

/**
 * ISO 8601 date, or date and time, as forms and the API send it (`2026-12-01`, `2026-12-01T10:00`,
 * `…:00.000Z`, `…+01:00`). JavaScript's Date parser alone is lenient (it ignores trailing junk).
 */
const ISO_DATE =
  /^(?:[+-]\d{6}|\d{4})-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** A time without its zone (`2026-12-01T10:00`) is UTC, the workspace's zone — never the server's. */
const ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/;
const parseDate = (v: string) => {
  const text = v.trim();
  if (!text) return null;
  if (!ISO_DATE.test(text)) return new Date(NaN);
  const zoneless = text.length > 10 && !ZONE.test(text);
  return new Date(zoneless ? `${text.replace(" ", "T")}Z` : text);
};

/** A date and time from a form (ISO text): blank means none; outside DATE_RANGE is refused. */
export const optionalDate = (label: string) => {
  const message = `${label} is not a valid date and time.`;
  const range = `${label} must be between 1900-01-01 and 2200-12-31.`;
  return z
    .preprocess(
      (v) => (typeof v === "string" ? parseDate(v) : blankToNull(v)),
      z.date({ error: message }).min(DATE_RANGE.min, range).max(DATE_RANGE.max, range).nullable(),
    )
    .optional();
};

/** The deepest page a list offers: `?page=1e300` is this page, never an OFFSET past the database's integers. */
export const MAX_LIST_PAGE = 100_000;

/** REL-1: a list's page number from anything a URL or caller sends — a whole number in 1…MAX_LIST_PAGE. */
export function listPage(value: unknown): number {
  const n = Math.trunc(Number(value));
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_LIST_PAGE) : 1;
}

/** Parses or throws a DomainError listing every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "form";
    fields[key] ??= issue.message;
  }
  throw invalidFields(fields);
}

/**
 * FormData → plain object of strings (last value wins). Typed as the schema input `T` the
 * receiving service validates with parseOrThrow — the strings are coerced there.
 */
export function formObject<T = Record<string, string>>(form: unknown): T {
  // A server action is a public endpoint: anything may arrive where a form is expected (REL-1).
  if (!(form instanceof FormData))
    throw invalid("form", "The form could not be read. Reload the page and try again.");
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out as T;
}

/** "businessImpact" → "Business impact", for messages about fields read without a schema. */
const labelOf = (name: string) => {
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * One text field of a submitted form ("" when absent), for fields a service reads without a
 * schema: control characters are refused here, naming the field.
 */
export const formText = (form: unknown, name: string, label = labelOf(name)): string =>
  refuseControlCharacters(formObject(form)[name] ?? "", name, label);

/** decodeURIComponent that answers null for malformed text (`%E0%A4%A`) instead of throwing. */
export function decodeParam(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * A record number from a page's path, decoded (null when the escape is malformed). Numbers are a
 * prefix and digits in capitals (REC-1); one typed in lower case from an email or a note
 * ("/cases/cs0001001") opens the record rather than the 404 page. Null: the page is not found.
 */
export function recordNumberParam(text: string): string | null {
  const decoded = decodeParam(text);
  // A control character (`/cases/CS%00`) is in no number, and PostgreSQL refuses U+0000 in a query.
  if (decoded === null || controlCharacterIn(decoded) !== null) return null;
  return /^[a-z]+\d+$/i.test(decoded) ? decoded.toUpperCase() : decoded;
}

/**
 * A record number that arrives as an action's bound argument (`CS0001001`…). It comes from the
 * client like any form field: anything but a plain number-shaped string is "not found".
 */
export function recordNumber(value: unknown, what = "The record"): string {
  if (typeof value !== "string" || !/^[A-Za-z0-9_-]{1,40}$/.test(value)) throw notFound(what);
  return value;
}

/**
 * A list's search box from a URL: text without control characters, trimmed, at most 100 characters
 * — cut between characters, never inside an emoji (half of one, a lone surrogate, was refused by
 * the database client: a 500 for a pasted text, REL-8).
 */
export const searchText = (value: unknown) =>
  clipText(withoutControlCharacters(typeof value === "string" ? value : "").trim(), 100);

export type ActiveFilter = "active" | "inactive";
/** A list's Status filter from a URL ("active", "inactive", or anything else: both). */
export const activeFilter = (value: unknown): ActiveFilter | null =>
  value === "active" || value === "inactive" ? value : null;
/** The `where` clause of a Status filter. */
export const activeWhere = (f: ActiveFilter | null) => (f ? { active: f === "active" } : {});

/**
 * The key a click of Create Work Order or Create Request carries (FSM-1, ITSM-1, REL-2): a double
 * click or a retry sends the same key and gets the record it made instead of a second one.
 */
export const requestKeySchema = z
  .string({ error: "The request key must be text." })
  .regex(/^[A-Za-z0-9-]{8,64}$/, "The request key is not valid; reload the page.");

/** A click's key, or the refusal naming requestKey (REL-1). */
export function parseRequestKey(raw: unknown): string {
  const parsed = requestKeySchema.safeParse(raw);
  if (!parsed.success) throw invalid("requestKey", parsed.error.issues[0].message);
  return parsed.data;
}
