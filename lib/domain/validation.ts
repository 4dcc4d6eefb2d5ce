// Input validation helpers shared by server actions, services and (later) the REST API.
// Every message names the field it is about (REL-1).
import { z } from "zod";
import { invalidFields } from "./errors";
import { isChoice, type Choice } from "./records/choices";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const LIMITS = { shortDescription: 160, description: 8000, notes: 8000, name: 200 } as const;

const tooLong = (label: string, max: number, input: unknown) =>
  `${label} must be at most ${max.toLocaleString("en")} characters (it has ${String(input ?? "").trim().length.toLocaleString("en")}).`;

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, { error: (iss) => tooLong(label, max, iss.input) });

export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: (iss) => tooLong(label, max, iss.input) });

/** Ids and versions are 32-bit integers in both databases. */
export const MAX_INT = 2_147_483_647;

/** A reference to another record by id: blank means none. */
export const optionalId = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.union([z.null(), z.coerce.number({ error: `${label} is not a valid reference.` }).int(`${label} is not a valid reference.`).positive(`${label} is not a valid reference.`).max(MAX_INT, `${label} is not a valid reference.`)]),
  ).optional();

/** A numeric choice value (state, priority…). */
export const numberChoice = (label: string, choices: readonly Choice<number>[]) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `${label} is required.` })
      .refine((v) => isChoice(choices, v), { error: `${label} must be one of: ${choices.map((c) => c.label).join(", ")}.` }),
  );

export const optionalNumberChoice = (label: string, choices: readonly Choice<number>[]) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.union([
      z.null(),
      z.coerce.number().refine((v) => isChoice(choices, v), { error: `${label} must be one of: ${choices.map((c) => c.label).join(", ")}.` }),
    ]),
  ).optional();

export const stringChoice = (label: string, choices: readonly Choice<string>[]) =>
  z.string({ error: `${label} is required.` }).refine((v) => isChoice(choices, v), { error: `${label} must be one of: ${choices.map((c) => c.label).join(", ")}.` });

export const optionalStringChoice = (label: string, choices: readonly Choice<string>[]) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.union([z.null(), z.string().refine((v) => isChoice(choices, v), { error: `${label} must be one of: ${choices.map((c) => c.label).join(", ")}.` })]),
  ).optional();

/** Optimistic concurrency: the version the editor loaded (REC-6). */
export const versionField = z.coerce
  .number({ error: "The form is missing its version; reload the page." })
  .int("The form's version is not valid; reload the page.")
  .positive("The form's version is not valid; reload the page.")
  .max(MAX_INT, "The form's version is not valid; reload the page.");

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
export function formObject<T = Record<string, string>>(form: FormData): T {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out as T;
}
