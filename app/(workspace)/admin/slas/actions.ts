"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { canAdminister } from "@/lib/domain/auth/roles";
import type { SlaHoursInput, SlaTargetInput } from "@/lib/domain/sla/policy";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { saveSlaHours, saveSlaTarget } from "@/lib/server/sla/admin";

// NOT-5: /admin/slas is the admin's. Each action checks the role itself and the service again
// (ROLE-2); the services parse their own input.
export async function saveSlaTargetAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "saveSlaTarget",
    allow: canAdminister,
    run: (actor) => saveSlaTarget(actor, formObject<SlaTargetInput>(form)),
    revalidate: () => ["/admin/slas"],
    success: (r) =>
      r.changed ? "Targets saved: new cases of this priority get them." : "No changes to save.",
  });
}

export async function saveSlaHoursAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "saveSlaHours",
    allow: canAdminister,
    run: (actor) => saveSlaHours(actor, formObject<SlaHoursInput>(form)),
    revalidate: () => ["/admin/slas"],
    success: (r) =>
      !r.changed
        ? "No changes to save."
        : r.moved
          ? `Business hours saved: ${r.moved} running SLA timer${r.moved === 1 ? "" : "s"} now count in them.`
          : "Business hours saved.",
  });
}
