// SET-3: each row of an import file checked on its own — the same field rules as the directory's forms
// (lib/domain/directory/schemas.ts) — into a typed record, or errors naming the row and the column.
import { z } from "zod";
import { LIMITS, optionalText, requiredLine, requiredText } from "../../validation";
import type { Role } from "../../auth/roles";
import { emailField } from "../email";
import { phoneField, portalRolesField, SERIAL_MAX } from "../schemas";
import { COLUMNS, type HeaderMap, type ImportKind } from "./columns";

/** A cell for true/false: true/false, yes/no, y/n, 1/0, x (ticked); empty: not given. */
const flag = (label: string) =>
  z
    .string()
    .transform((v, ctx) => {
      const t = v.trim().toLowerCase();
      if (!t) return undefined;
      if (["true", "yes", "y", "1", "x"].includes(t)) return true;
      if (["false", "no", "n", "0"].includes(t)) return false;
      ctx.addIssue({ code: "custom", message: `${label} must be true or false, not "${v.slice(0, 20)}".` });
      return z.NEVER;
    })
    .optional();

const numberOf = (prefix: string, label: string) =>
  z
    .string()
    .transform((v) => v.trim().toUpperCase())
    .refine(
      (v) => !v || new RegExp(`^${prefix}\\d{7,}$`).test(v),
      `${label} must look like ${prefix}0000001.`,
    )
    .optional();

const ROW_SCHEMAS = {
  accounts: z.object({
    number: numberOf("ACC", "Number"),
    name: requiredLine("Name", LIMITS.name),
    customer: flag("Customer"),
    partner: flag("Partner"),
    active: flag("Active"),
  }),
  contacts: z.object({
    email: emailField(),
    name: requiredLine("Name", LIMITS.name),
    phone: phoneField.optional(),
    account: requiredText("Account", LIMITS.name),
    // Separated by ; or , — an empty cell leaves a contact's roles as they are (new ones: the default).
    roles: z.preprocess(
      (v) => (typeof v !== "string" ? v : v.trim() ? v.replace(/;/g, ",") : undefined),
      portalRolesField.optional(),
    ),
    active: flag("Active"),
  }),
  consumers: z.object({
    email: emailField(),
    name: requiredLine("Name", LIMITS.name),
    phone: phoneField.optional(),
    active: flag("Active"),
  }),
  assets: z.object({
    number: numberOf("AST", "Number"),
    name: requiredLine("Name", LIMITS.name),
    serialNumber: optionalText("Serial number", SERIAL_MAX).optional(),
    account: requiredText("Account", LIMITS.name),
  }),
} as const;

export type AccountRow = z.output<(typeof ROW_SCHEMAS)["accounts"]>;
export type ContactRow = z.output<(typeof ROW_SCHEMAS)["contacts"]> & { roles?: Role[] };
export type ConsumerRow = z.output<(typeof ROW_SCHEMAS)["consumers"]>;
export type AssetRow = z.output<(typeof ROW_SCHEMAS)["assets"]>;
export type ImportRecord = {
  accounts: AccountRow;
  contacts: ContactRow;
  consumers: ConsumerRow;
  assets: AssetRow;
};

/**
 * An error of one row: the column as the file's header names it (null when the error is the whole
 * row's, as too many cells), and the message.
 */
export type CellError = { column: string | null; message: string };

export type CheckedRow<K extends ImportKind> =
  { row: number; ok: true; value: ImportRecord[K] } | { row: number; ok: false; errors: CellError[] };

/**
 * One row checked against its kind's rules. Cells of columns the file does not have are left out
 * (an update keeps what they name as it is); a row with more cells than the header is refused.
 */
export function checkRow<K extends ImportKind>(
  kind: K,
  map: HeaderMap,
  header: string[],
  row: { row: number; cells: string[] },
): CheckedRow<K> {
  const extra = row.cells.slice(header.length).filter((c) => c !== "");
  if (extra.length)
    return {
      row: row.row,
      ok: false,
      errors: [{ column: null, message: "It has more cells than the header (row 1) has columns." }],
    };
  const raw: Record<string, string> = {};
  for (const [key, i] of Object.entries(map.index)) raw[key] = row.cells[i] ?? "";
  const parsed = ROW_SCHEMAS[kind].safeParse(raw);
  if (parsed.success) return { row: row.row, ok: true, value: parsed.data as ImportRecord[K] };
  const columnOf = (key: string) => {
    const i = map.index[key];
    return i === undefined ? (COLUMNS[kind].find((c) => c.key === key)?.label ?? key) : header[i];
  };
  const errors: CellError[] = [];
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    const column = key === undefined ? null : columnOf(String(key));
    if (!errors.some((e) => e.column === column)) errors.push({ column, message: issue.message });
  }
  return { row: row.row, ok: false, errors };
}
