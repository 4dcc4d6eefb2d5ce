"use server";
import { canAdminister } from "@/lib/domain/auth/roles";
import { invalid } from "@/lib/domain/errors";
import { formText, recordId } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/action";
import type { ActionResult } from "@/lib/domain/action-result";
import { retryMessage } from "@/lib/server/outbox/admin";

export async function retryMessageAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "retryOutboxMessage",
    allow: canAdminister,
    run: (actor) => {
      const id = recordId(formText(form, "id"));
      if (id === null) throw invalid("id", "Unknown message.");
      return retryMessage(actor, id);
    },
    revalidate: () => ["/admin/outbox"],
    success: () => "Queued for another attempt.",
  });
}
