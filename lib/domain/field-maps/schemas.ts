// ADM-2: the input of /admin/field-maps (parsed by lib/server/field-maps/admin.ts).
import { z } from "zod";
import { rowId as id, rowOrder as order } from "../priority/schemas";
import { booleanText, plainText, versionField, type FormInput } from "../validation";
import { isFieldMapName, type FieldMapName } from "./catalog";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const sourceField = z
  .preprocess(blankToNull, plainText("Source field").max(100, "Source field is too long.").nullable())
  .optional()
  .default(null);
const constantValue = z
  .preprocess(blankToNull, plainText("Constant").max(8000, "Constant is too long.").nullable())
  .optional()
  .default(null);
const targetField = plainText("Target field")
  .min(1, "Pick a target field.")
  .max(100, "Target field is too long.");

export const mapRowAddSchema = z.object({
  mapName: z.custom<FieldMapName>(isFieldMapName, { error: "Unknown field map." }),
  sourceField,
  constantValue,
  targetField,
  order,
});
export type MapRowAddInput = FormInput<typeof mapRowAddSchema>;

export const mapRowUpdateSchema = z.object({
  id,
  version: versionField,
  sourceField,
  constantValue,
  targetField,
  order,
  active: booleanText("Active"),
});
export type MapRowUpdateInput = FormInput<typeof mapRowUpdateSchema>;

export const mapRowRemoveSchema = z.object({ id, version: versionField });
export type MapRowRemoveInput = FormInput<typeof mapRowRemoveSchema>;
