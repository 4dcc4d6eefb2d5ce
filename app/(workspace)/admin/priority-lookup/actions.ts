"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { canAdminister } from "@/lib/domain/auth/roles";
import type { LookupRowInput } from "@/lib/domain/priority/schemas";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { updateLookupRow } from "@/lib/server/priority/admin";

// INC-5: the action checks the admin role itself; the service checks it again and parses the input.
export async function saveLookupRowAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "saveLookupRow",
    allow: canAdminister,
    run: (actor) => updateLookupRow(actor, formObject<LookupRowInput>(form)),
    revalidate: () => ["/admin/priority-lookup"],
    success: (r) => (r.changed ? "Saved." : "No change."),
  });
}
