"use server";
import { z } from "zod";
import { canAdminister } from "@/lib/domain/auth/roles";
import { formObject, parseOrThrow } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/action";
import type { ActionResult } from "@/lib/domain/action-result";
import { setRuleActive } from "@/lib/server/rules/admin";

const schema = z.object({
  table: z.string().min(1).max(80),
  name: z.string().min(1).max(200),
  active: z.enum(["true", "false"]),
});

export async function setRuleActiveAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "setRuleActive",
    allow: canAdminister,
    run: (actor) => {
      const input = parseOrThrow(schema, formObject(form));
      return setRuleActive(actor, input.table, input.name, input.active === "true");
    },
    revalidate: () => ["/admin/business-rules"],
    success: (r) => `${r.name} is now ${r.active ? "active" : "inactive"}.`,
  });
}
