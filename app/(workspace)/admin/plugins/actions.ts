"use server";
import { z } from "zod";
import { canAdminister } from "@/lib/domain/auth/roles";
import { formObject, parseOrThrow } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/action";
import type { ActionResult } from "@/lib/domain/action-result";
import { setPluginActive } from "@/lib/server/plugins/admin";

const schema = z.object({ id: z.string().min(1).max(100), active: z.enum(["true", "false"]) });

export async function setPluginActiveAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "setPluginActive",
    allow: canAdminister,
    run: (actor) => {
      const input = parseOrThrow(schema, formObject(form));
      return setPluginActive(actor, input.id, input.active === "true");
    },
    revalidate: () => ["/admin/plugins", "/cases"],
    success: (r) => `${r.id} is now ${r.active ? "active" : "inactive"}.`,
  });
}
