"use server";
import { canAdminister } from "@/lib/domain/auth/roles";
import { formText } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import type { ActionResult } from "@/lib/domain/action-result";
import { retryMessage } from "@/lib/server/outbox/admin";

export async function retryMessageAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "retryOutboxMessage",
    allow: canAdminister,
    run: (actor) => retryMessage(actor, formText(form, "id")),
    revalidate: () => ["/admin/outbox"],
    success: () => "Queued for another attempt.",
  });
}
