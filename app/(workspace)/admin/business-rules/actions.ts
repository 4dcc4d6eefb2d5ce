"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { canAdminister } from "@/lib/domain/auth/roles";
import type { RuleActiveInput } from "@/lib/domain/sync/schemas";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { setRuleActive } from "@/lib/server/sync/admin";

// SYNC-1: the action checks the admin role itself; the service checks it again and parses the input.
export async function setRuleActiveAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "setRuleActive",
    allow: canAdminister,
    run: (actor) => setRuleActive(actor, formObject<RuleActiveInput>(form)),
    revalidate: () => ["/admin/business-rules"],
    success: (r) => `${r.name} is now ${r.active ? "active" : "inactive"}.`,
  });
}
