"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { canAddCaseContact } from "@/lib/domain/directory/access";
import type { CaseContactInput } from "@/lib/domain/directory/schemas";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { createCaseContact } from "@/lib/server/directory/contacts";

/** SET-2: the case form's New contact — a contact of the account chosen on the case, selected at once. */
export async function createCaseContactAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "createCaseContact",
    allow: canAddCaseContact,
    run: (actor) => createCaseContact(actor, formObject<CaseContactInput>(form)),
    success: (c) => `Contact ${c.label} added.`,
  });
}
