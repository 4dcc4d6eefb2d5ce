"use server";
import { canReadCases } from "@/lib/domain/auth/roles";
import type { ActionResult } from "@/lib/domain/action-result";
import type { DeleteViewInput, SaveViewInput } from "@/lib/domain/views/views";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { deleteView, saveView } from "@/lib/server/views/views";

// WRK-4 saved views (fields: name, query; id). The navigation lists them: the layout is revalidated.

export async function saveViewAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "saveView",
    allow: canReadCases,
    run: (actor) => saveView(actor, formObject<SaveViewInput>(form)),
    revalidate: () => ["/cases"],
    success: (r) => `View ${r.name} saved.`,
  });
}

export async function deleteViewAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "deleteView",
    allow: canReadCases,
    run: (actor) => deleteView(actor, formObject<DeleteViewInput>(form)),
    revalidate: () => ["/cases"],
    success: () => "View deleted.",
  });
}
