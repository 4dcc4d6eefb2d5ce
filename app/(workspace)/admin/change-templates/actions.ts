"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { canAdminister } from "@/lib/domain/auth/roles";
import type { TemplateAddInput, TemplateUpdateInput } from "@/lib/domain/itsm/changes/templates";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { addTemplate, updateTemplate } from "@/lib/server/itsm/templates";

// ITSM-1: each action checks the admin role itself; the service checks it again and parses the input.
const PATH = "/admin/change-templates";

/** ITSM-1: a new standard change template. */
export async function addTemplateAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "addTemplate",
    allow: canAdminister,
    run: (actor) => addTemplate(actor, formObject<TemplateAddInput>(form)),
    revalidate: () => [PATH],
    success: (r) => `Template "${r.name}" added.`,
  });
}

/** ITSM-1, REC-6: a changed template (approved, retired, renamed…). */
export async function saveTemplateAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "saveTemplate",
    allow: canAdminister,
    run: (actor) => updateTemplate(actor, formObject<TemplateUpdateInput>(form)),
    revalidate: () => [PATH],
    success: (r) => (r.changed ? "Saved." : "No changes to save."),
  });
}
