"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { canAdminister } from "@/lib/domain/auth/roles";
import type { PropertySaveInput } from "@/lib/domain/properties/schemas";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { updateProperty } from "@/lib/server/properties/admin";

// ADM-1: the action checks the admin role itself; the service checks it again and parses the input.
export async function savePropertyAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "saveProperty",
    allow: canAdminister,
    run: (actor) => updateProperty(actor, formObject<PropertySaveInput>(form)),
    revalidate: () => ["/admin/properties"],
    success: (r) => (r.changed ? `${r.name} saved.` : "No change."),
  });
}
