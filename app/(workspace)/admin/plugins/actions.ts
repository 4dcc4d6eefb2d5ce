"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { canAdminister } from "@/lib/domain/auth/roles";
import type { PluginActiveInput } from "@/lib/domain/plugins/schemas";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { setPluginActive } from "@/lib/server/plugins/admin";

// ITSM-5: the action checks the admin role itself; the service checks it again and parses the input.
export async function setPluginActiveAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "setPluginActive",
    allow: canAdminister,
    run: (actor) => setPluginActive(actor, formObject<PluginActiveInput>(form)),
    revalidate: () => ["/admin/plugins", "/cases"],
    success: (r) => `${r.id} is now ${r.active ? "active" : "inactive"}.`,
  });
}
