"use server";
import { z } from "zod";
import { canAdminister } from "@/lib/domain/auth/roles";
import { formNumber, formObject, MAX_INT, parseOrThrow, plainText } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/action";
import type { ActionResult } from "@/lib/domain/action-result";
import { updateProperty } from "@/lib/server/properties/admin";

const schema = z.object({
  name: z.string().min(1).max(200),
  value: plainText("Value").max(4000, "Value must be at most 4,000 characters."),
  // 0 for a property nobody saved yet.
  version: formNumber(
    z.number({ error: "The form's version is not valid; reload the page." }).int().min(0).max(MAX_INT),
  ),
});

export async function savePropertyAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "saveProperty",
    allow: canAdminister,
    run: (actor) => {
      const input = parseOrThrow(schema, { value: "", ...formObject<Record<string, string>>(form) });
      return updateProperty(actor, input.name, input.value, input.version);
    },
    revalidate: () => ["/admin/properties"],
    success: (r) => (r.changed ? `${r.name} saved.` : "No change."),
  });
}
