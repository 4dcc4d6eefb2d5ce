"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { canAdminister } from "@/lib/domain/auth/roles";
import type { CaseMailTemplateInput } from "@/lib/domain/notifications/case-mail";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { saveCaseMailTemplate } from "@/lib/server/notifications/case-mail-admin";

// NOT-1: /admin/notifications is the admin's. The action checks the role itself and the service
// checks it again (ROLE-2); the service parses its own input.
export async function saveCaseMailAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "saveCaseMail",
    allow: canAdminister,
    run: (actor) => saveCaseMailTemplate(actor, formObject<CaseMailTemplateInput>(form)),
    revalidate: () => ["/admin/notifications"],
    success: (r) => (r.changed ? "Email saved." : "No changes to save."),
  });
}
