"use server";
import { z } from "zod";
import { canAdminister } from "@/lib/domain/auth/roles";
import { isFieldMapName } from "@/lib/domain/field-maps/catalog";
import {
  formNumber,
  formObject,
  MAX_INT,
  parseOrThrow,
  plainText,
  versionField,
} from "@/lib/domain/validation";
import { runAction } from "@/lib/server/action";
import type { ActionResult } from "@/lib/domain/action-result";
import { addFieldMapRow, removeFieldMapRow, updateFieldMapRow } from "@/lib/server/field-maps/admin";

const PATH = "/admin/field-maps";
const id = formNumber(
  z
    .number({ error: "Unknown row." })
    .int("Unknown row.")
    .positive("Unknown row.")
    .max(MAX_INT, "Unknown row."),
);
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const row = {
  sourceField: z.preprocess(
    blankToNull,
    plainText("Source field").max(100, "Source field is too long.").nullable(),
  ),
  constantValue: z.preprocess(
    blankToNull,
    plainText("Constant").max(8000, "Constant is too long.").nullable(),
  ),
  targetField: plainText("Target field").min(1, "Pick a target field.").max(100, "Target field is too long."),
  order: formNumber(
    z
      .number({ error: "Order must be a whole number." })
      .int("Order must be a whole number.")
      .min(0, "Order must be 0 or more.")
      .max(1_000_000, "Order is too large."),
  ),
};
const addSchema = z.object({
  mapName: z.string().refine(isFieldMapName, { error: "Unknown field map." }),
  sourceField: row.sourceField.optional().default(null),
  constantValue: row.constantValue.optional().default(null),
  targetField: row.targetField,
  order: row.order,
});
const updateSchema = z.object({
  id,
  version: versionField,
  sourceField: row.sourceField.optional().default(null),
  constantValue: row.constantValue.optional().default(null),
  targetField: row.targetField,
  order: row.order,
  active: z
    .enum(["true", "false"], { error: "Active must be true or false." })
    .transform((v) => v === "true"),
});
const removeSchema = z.object({ id, version: versionField });

/** ADM-2: a new row of a field map. */
export async function addFieldMapRowAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "addFieldMapRow",
    allow: canAdminister,
    run: (actor) => {
      const { mapName, ...input } = parseOrThrow(addSchema, formObject(form));
      return addFieldMapRow(actor, mapName, input);
    },
    revalidate: () => [PATH],
    success: () => "Row added.",
  });
}

/** ADM-2, REC-6: a changed row. */
export async function saveFieldMapRowAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "saveFieldMapRow",
    allow: canAdminister,
    run: (actor) => {
      const { id: rowId, ...input } = parseOrThrow(updateSchema, formObject(form));
      return updateFieldMapRow(actor, rowId, input);
    },
    revalidate: () => [PATH],
    success: (r) => (r.changed ? "Saved." : "No change."),
  });
}

/** ADM-2: removes a row. */
export async function removeFieldMapRowAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "removeFieldMapRow",
    allow: canAdminister,
    run: (actor) => {
      const input = parseOrThrow(removeSchema, formObject(form));
      return removeFieldMapRow(actor, input.id, input.version);
    },
    revalidate: () => [PATH],
    success: () => "Row removed.",
  });
}
