"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { canAdminister } from "@/lib/domain/auth/roles";
import type { MapRowAddInput, MapRowRemoveInput, MapRowUpdateInput } from "@/lib/domain/field-maps/schemas";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { addFieldMapRow, removeFieldMapRow, updateFieldMapRow } from "@/lib/server/field-maps/admin";

// ADM-2: each action checks the admin role itself; the services check it again and parse the input.
const PATH = "/admin/field-maps";

/** ADM-2: a new row of a field map. */
export async function addFieldMapRowAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "addFieldMapRow",
    allow: canAdminister,
    run: (actor) => addFieldMapRow(actor, formObject<MapRowAddInput>(form)),
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
    run: (actor) => updateFieldMapRow(actor, formObject<MapRowUpdateInput>(form)),
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
    run: (actor) => removeFieldMapRow(actor, formObject<MapRowRemoveInput>(form)),
    revalidate: () => [PATH],
    success: () => "Row removed.",
  });
}
